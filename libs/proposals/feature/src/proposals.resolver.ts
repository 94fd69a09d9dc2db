import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import { CurrentPrincipal, OptionalPrincipal, Public, Roles, type Principal } from '@praxis/platform/auth';
import { AfterArg, FirstArg, IdArg, mapNodes, type Connection } from '@praxis/platform/graphql';
import { MAX_TEAM_PLACES, NamedConflictDecision, ProposalsDomainError } from '@praxis/proposals/domain';
import {
  competitionLoader,
  handAssignmentLoader,
  invitationPageLoader,
  proposalLoader,
} from './proposals.loaders';
import { CompetitionsService } from './competitions.service';
import { JudgingService } from './judging.service';
import {
  toAssignmentObject,
  toAuditEntryObject,
  toCompetitionObject,
  toConflictObject,
  toHandAssignmentCheckObject,
  toJudgeAssignmentObject,
  toProposalObject,
  toTeamInvitationObject,
} from './proposals.mapper';
import {
  AssignmentConnection,
  AssignmentObject,
  AssignmentRunObject,
  AuditEntryConnection,
  AuditEntryObject,
  CompetitionConnection,
  CompetitionDatesInput,
  CompetitionJudgeConnection,
  CompetitionJudgeObject,
  CompetitionObject,
  ConflictConnection,
  ConflictObject,
  CreateCompetitionInput,
  HandAssignmentCheckObject,
  JudgeAssignmentConnection,
  JudgeAssignmentObject,
  NamedConflictInput,
  ProposalConnection,
  ProposalObject,
  RankedEntryConnection,
  RankedEntryObject,
  RankingObject,
  ReviewFeedbackObject,
  SaveProposalDraftInput,
  SubmitScoresInput,
  TeamInvitationConnection,
  TeamInvitationObject,
} from './proposals.objects';
import { requireUuid, searchText } from './proposals.records';
import { ProposalsService } from './proposals.service';

@Resolver(() => CompetitionObject)
export class CompetitionResolver {
  constructor(private readonly competitionsService: CompetitionsService) {}

  @Query(() => CompetitionConnection, {
    description:
      'Newest first; drafts are listed for admins only. `titleContains` (any case, at most 200 characters) keeps those whose title contains it: to find one by name',
  })
  async competitions(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
    @Args('titleContains', { type: () => String, nullable: true }) titleContains: string | null,
  ): Promise<Connection<CompetitionObject>> {
    return mapNodes(
      await this.competitionsService.list(
        principal,
        { size: first, after },
        searchText(titleContains, 'titleContains'),
      ),
      toCompetitionObject,
    );
  }

  @Query(() => CompetitionObject, { nullable: true })
  async competition(
    @IdArg('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CompetitionObject | null> {
    const competition = await this.competitionsService.find(id, principal);
    return competition ? toCompetitionObject(competition) : null;
  }

  @Roles('admin')
  @Mutation(() => CompetitionObject, { description: 'Creates a competition in phase DRAFT' })
  async createCompetition(
    @Args('input') input: CreateCompetitionInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CompetitionObject> {
    return toCompetitionObject(await this.competitionsService.create(input, principal.memberId));
  }

  @Roles('admin')
  @Mutation(() => CompetitionObject, { description: 'DRAFT or OPEN: any date; JUDGING: judgingEndsAt only' })
  async updateCompetitionDates(
    @IdArg('id') id: string,
    @Args('input') input: CompetitionDatesInput,
  ): Promise<CompetitionObject> {
    return toCompetitionObject(await this.competitionsService.updateDates(id, input));
  }

  @Roles('admin')
  @Mutation(() => CompetitionObject, { description: 'DRAFT → OPEN, between opensAt and closesAt' })
  async openCompetition(@IdArg('id') id: string): Promise<CompetitionObject> {
    return toCompetitionObject(await this.competitionsService.open(id));
  }

  @Roles('admin')
  @Mutation(() => CompetitionObject, { description: 'OPEN → JUDGING, once closesAt has passed' })
  async startJudging(@IdArg('id') id: string): Promise<CompetitionObject> {
    return toCompetitionObject(await this.competitionsService.startJudging(id));
  }

  @Roles('admin')
  @Mutation(() => CompetitionObject, {
    description:
      'JUDGING → RESULTS_PUBLISHED: marks the winners, freezes scores, opens feedback to applicants',
  })
  async publishResults(
    @IdArg('competitionId') competitionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CompetitionObject> {
    return toCompetitionObject(
      await this.competitionsService.publishResults(competitionId, principal.memberId),
    );
  }

  @Roles('admin')
  @Mutation(() => CompetitionObject, { description: 'From DRAFT, OPEN or JUDGING' })
  async cancelCompetition(
    @IdArg('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CompetitionObject> {
    return toCompetitionObject(await this.competitionsService.cancel(id, principal.memberId));
  }

  @Query(() => RankingObject, {
    description: 'Admins at any time (provisional while judging); everyone once results are published',
  })
  async competitionRanking(
    @IdArg('competitionId') competitionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RankingObject> {
    const { competition, published } = await this.competitionsService.rankingAccess(competitionId, principal);
    return { competitionId: competition.id, published };
  }

  @Public()
  @ResolveReference()
  async resolveReference(
    // with any parameter decorator present, Nest passes the reference only through @Parent()
    @Parent() reference: { id: string },
    @OptionalPrincipal() principal: Principal | null,
    @Context('req') request: object,
  ): Promise<CompetitionObject | null> {
    const competition = await competitionLoader(this.competitionsService, request).load(
      requireUuid(reference.id, 'id'),
    );
    return competition && this.competitionsService.visible(competition, principal)
      ? toCompetitionObject(competition)
      : null;
  }
}

@Resolver(() => ProposalObject)
export class ProposalResolver {
  constructor(private readonly proposals: ProposalsService) {}

  @Mutation(() => ProposalObject, {
    description:
      'Creates or edits a draft; editing a submitted proposal before the deadline freezes a new version',
  })
  async saveProposalDraft(
    @Args('input') input: SaveProposalDraftInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProposalObject> {
    return toProposalObject(await this.proposals.saveDraft(input, principal));
  }

  @Mutation(() => ProposalObject, {
    description: 'Checks eligibility now and freezes a version; name conflicted judges here',
  })
  async submitProposal(
    @IdArg('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Args('conflictedJudges', { type: () => [NamedConflictInput], defaultValue: [] })
    conflictedJudges: NamedConflictInput[],
  ): Promise<ProposalObject> {
    return toProposalObject(await this.proposals.submit(id, conflictedJudges, principal));
  }

  @Mutation(() => ProposalObject)
  async withdrawProposal(
    @IdArg('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProposalObject> {
    return toProposalObject(await this.proposals.withdraw(id, principal));
  }

  @Query(() => ProposalConnection, { description: 'Proposals whose team you are on, newest first' })
  async myProposals(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<ProposalObject>> {
    return mapNodes(await this.proposals.mine(principal, { size: first, after }), toProposalObject);
  }

  @Query(() => ProposalObject, { description: 'For the team (drafts included) and admins' })
  async proposal(@IdArg('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ProposalObject> {
    return toProposalObject(await this.proposals.readable(id, principal));
  }

  @Roles('admin')
  @Query(() => ProposalConnection, {
    description:
      'The submitted entries of a competition, most recently first submitted first; `titleContains` (any case) keeps those whose title contains it',
  })
  async competitionEntries(
    @IdArg('competitionId') competitionId: string,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
    @Args('titleContains', { type: () => String, nullable: true }) titleContains: string | null,
  ): Promise<Connection<ProposalObject>> {
    return mapNodes(
      await this.proposals.ofCompetition(
        competitionId,
        { size: first, after },
        searchText(titleContains, 'titleContains'),
      ),
      toProposalObject,
    );
  }

  @Mutation(() => TeamInvitationObject, {
    description: `A team member invites someone to the team; they join only by accepting (while OPEN). A team holds at most ${MAX_TEAM_PLACES} members and pending invitations together`,
  })
  async inviteTeamMember(
    @IdArg('proposalId') proposalId: string,
    @IdArg('memberId') memberId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TeamInvitationObject> {
    const invitation = await this.proposals.invite(proposalId, memberId, principal);
    return toTeamInvitationObject(invitation, await this.proposals.entity(invitation.proposalId));
  }

  @Mutation(() => TeamInvitationObject, {
    description: 'Join a team you were invited to (while OPEN; re-freezes a submitted proposal)',
  })
  async acceptTeamInvitation(
    @IdArg('proposalId') proposalId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TeamInvitationObject> {
    const invitation = await this.proposals.answerInvitation(proposalId, true, principal);
    return toTeamInvitationObject(invitation, await this.proposals.entity(invitation.proposalId));
  }

  @Mutation(() => TeamInvitationObject, { description: 'Decline an invitation to a team' })
  async declineTeamInvitation(
    @IdArg('proposalId') proposalId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TeamInvitationObject> {
    const invitation = await this.proposals.answerInvitation(proposalId, false, principal);
    return toTeamInvitationObject(invitation, await this.proposals.entity(invitation.proposalId));
  }

  @Query(() => TeamInvitationConnection, {
    description: 'Invitations to teams waiting for your answer, newest first',
  })
  async myTeamInvitations(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<TeamInvitationObject>> {
    return mapNodes(
      await this.proposals.myInvitations(principal, { size: first, after }),
      ({ invitation, proposal }) => toTeamInvitationObject(invitation, proposal),
    );
  }

  @ResolveField(() => TeamInvitationConnection, {
    description:
      'Everyone invited to the team and their answer, newest first; `team` lists the accepted members',
  })
  async invitations(
    @Parent() parent: ProposalObject,
    @Context('req') request: object,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<TeamInvitationObject>> {
    // the parent was only resolved for someone allowed to read the proposal (its team or an admin); the
    // pages of every proposal of the operation come from one query, each paged in PostgreSQL
    const [proposal, invitations] = await Promise.all([
      proposalLoader(this.proposals, request).load(parent.id),
      invitationPageLoader(this.proposals, request, { size: first, after }).load(parent.id),
    ]);
    if (!proposal || !invitations) throw ProposalsDomainError.notFound('proposal');
    return mapNodes(invitations.page, (invitation) => toTeamInvitationObject(invitation, proposal));
  }

  @ResolveField(() => [ReviewFeedbackObject], { nullable: true })
  async feedback(
    @Parent() parent: ProposalObject,
    @Context('req') request: object,
  ): Promise<ReviewFeedbackObject[] | null> {
    if (parent.result === null) return null;
    const proposal = await proposalLoader(this.proposals, request).load(parent.id);
    if (!proposal) throw ProposalsDomainError.notFound('proposal');
    return this.proposals.feedback(proposal);
  }

  /** Other subgraphs reference proposals by id; the same rule as `proposal` applies (team and admins). */
  @ResolveReference()
  async resolveReference(
    // with any parameter decorator present, Nest passes the reference only through @Parent()
    @Parent() reference: { id: string },
    @OptionalPrincipal() principal: Principal | null,
    @Context('req') request: object,
  ): Promise<ProposalObject | null> {
    const proposal = await proposalLoader(this.proposals, request).load(requireUuid(reference.id, 'id'));
    return proposal && this.proposals.canRead(proposal, principal) ? toProposalObject(proposal) : null;
  }
}

/**
 * The entry a conflict or an assignment is about, for a page of them from one query; null to a caller who may
 * not read it (the team and admins may, as for `proposal`).
 */
async function readableEntry(
  proposals: ProposalsService,
  request: object,
  principal: Principal | null,
  proposalId: string,
): Promise<ProposalObject | null> {
  const proposal = await proposalLoader(proposals, request).load(proposalId);
  return proposal && proposals.canRead(proposal, principal) ? toProposalObject(proposal) : null;
}

const ENTRY = { nullable: true, description: 'The entry, for admins and its team (null to anyone else)' };

@Resolver(() => ConflictObject)
export class ConflictFieldsResolver {
  constructor(private readonly proposals: ProposalsService) {}

  @ResolveField(() => ProposalObject, ENTRY)
  proposal(
    @Parent() conflict: ConflictObject,
    @OptionalPrincipal() principal: Principal | null,
    @Context('req') request: object,
  ): Promise<ProposalObject | null> {
    return readableEntry(this.proposals, request, principal, conflict.proposalId);
  }
}

@Resolver(() => AssignmentObject)
export class AssignmentFieldsResolver {
  constructor(private readonly proposals: ProposalsService) {}

  @ResolveField(() => ProposalObject, ENTRY)
  proposal(
    @Parent() assignment: AssignmentObject,
    @OptionalPrincipal() principal: Principal | null,
    @Context('req') request: object,
  ): Promise<ProposalObject | null> {
    return readableEntry(this.proposals, request, principal, assignment.proposalId);
  }
}

@Resolver(() => CompetitionJudgeObject)
export class CompetitionJudgeFieldsResolver {
  constructor(private readonly judging: JudgingService) {}

  @Roles('admin')
  @ResolveField(() => HandAssignmentCheckObject, {
    nullable: true,
    description:
      'Whether `assignJudge` would give this judge the entry `competitionJudges(proposalId:)` names, and why not; null without one',
  })
  async handAssignment(
    @Parent() judge: CompetitionJudgeObject,
    @Context('req') request: object,
  ): Promise<HandAssignmentCheckObject | null> {
    if (!judge.forProposalId) return null;
    const check = await handAssignmentLoader(this.judging, request, judge.forProposalId).load(judge.judge.id);
    return check ? toHandAssignmentCheckObject(check) : null;
  }
}

@Resolver(() => JudgeAssignmentObject)
export class JudgingResolver {
  constructor(private readonly judging: JudgingService) {}

  @Roles('admin')
  @Mutation(() => CompetitionJudgeObject, { description: 'The member must hold the judge role' })
  async addJudge(
    @IdArg('competitionId') competitionId: string,
    @IdArg('memberId') memberId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CompetitionJudgeObject> {
    const judge = await this.judging.addJudge(competitionId, memberId, principal.memberId);
    return { competitionId: judge.competitionId, judge: { id: judge.memberId }, addedAt: judge.addedAt };
  }

  @Roles('admin')
  @Query(() => CompetitionJudgeConnection, {
    description:
      'The judge pool, most recently added first; `nameContains` (any case) keeps the judges whose name contains it; `proposalId` (a submitted entry of the competition) has each judge’s `handAssignment` say whether `assignJudge` would give them that entry',
  })
  async competitionJudges(
    @IdArg('competitionId') competitionId: string,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
    @Args('nameContains', { type: () => String, nullable: true }) nameContains: string | null,
    @IdArg('proposalId', { nullable: true }) proposalId: string | null,
  ): Promise<Connection<CompetitionJudgeObject>> {
    const page = { size: first, after };
    const name = searchText(nameContains, 'nameContains');
    return mapNodes(await this.judging.judges(competitionId, page, name, proposalId), (judge) => ({
      competitionId: judge.competitionId,
      judge: { id: judge.memberId },
      addedAt: judge.addedAt,
      forProposalId: proposalId,
    }));
  }

  @Mutation(() => ConflictObject, { description: 'A judge declares a conflict with a proposal' })
  async declareConflict(
    @IdArg('proposalId') proposalId: string,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ConflictObject> {
    return toConflictObject(await this.judging.declareConflict(proposalId, reason, principal));
  }

  @Roles('admin')
  @Mutation(() => ConflictObject, {
    description:
      'Accept or overrule a judge the applicants named as conflicted, with a reason (audited); once per naming',
  })
  async reviewNamedConflict(
    @IdArg('conflictId') conflictId: string,
    @Args('decision', { type: () => NamedConflictDecision }) decision: NamedConflictDecision,
    @Args('reason') reason: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ConflictObject> {
    return toConflictObject(await this.judging.reviewNamedConflict(conflictId, decision, reason, principal));
  }

  @Roles('admin')
  @Query(() => ConflictConnection, { description: 'Newest first' })
  async competitionConflicts(
    @IdArg('competitionId') competitionId: string,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<ConflictObject>> {
    return mapNodes(await this.judging.conflicts(competitionId, { size: first, after }), toConflictObject);
  }

  @Roles('admin')
  @Mutation(() => AssignmentRunObject, {
    description: 'Automatic assignment; keeps started reviews and manual assignments',
  })
  async assignJudges(
    @IdArg('competitionId') competitionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AssignmentRunObject> {
    const run = await this.judging.assign(competitionId, principal.memberId);
    return {
      assignments: run.assignments.map((assignment) => toAssignmentObject(assignment, run.started)),
      keptStarted: run.keptStarted,
      minLoad: run.minLoad,
      maxLoad: run.maxLoad,
      totalAffinity: run.totalAffinity,
    };
  }

  @Roles('admin')
  @Mutation(() => AssignmentObject)
  async assignJudge(
    @IdArg('proposalId') proposalId: string,
    @IdArg('judgeId') judgeId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AssignmentObject> {
    const assignment = await this.judging.assignManually(proposalId, judgeId, principal.memberId);
    return toAssignmentObject(assignment, new Set());
  }

  @Roles('admin')
  @Mutation(() => Boolean)
  async unassignJudge(
    @IdArg('proposalId') proposalId: string,
    @IdArg('judgeId') judgeId: string,
    @CurrentPrincipal() principal: Principal,
    @Args('discardStartedReview', { defaultValue: false }) discardStartedReview: boolean,
  ): Promise<boolean> {
    return this.judging.unassign(proposalId, judgeId, discardStartedReview, principal.memberId);
  }

  @Roles('admin')
  @Query(() => AssignmentConnection, { description: 'Newest first' })
  async competitionAssignments(
    @IdArg('competitionId') competitionId: string,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<AssignmentObject>> {
    const { assignments, started } = await this.judging.assignments(competitionId, { size: first, after });
    return mapNodes(assignments, (assignment) => toAssignmentObject(assignment, started));
  }

  @Roles('judge')
  @Query(() => JudgeAssignmentConnection, {
    description: 'The proposals you are asked to score, most recently assigned first',
  })
  async myAssignments(
    @CurrentPrincipal() principal: Principal,
    @IdArg('competitionId', { nullable: true }) competitionId: string | null,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<JudgeAssignmentObject>> {
    return mapNodes(
      await this.judging.myAssignments(principal, competitionId, { size: first, after }),
      toJudgeAssignmentObject,
    );
  }

  @Query(() => JudgeAssignmentObject, { description: 'One assigned proposal, as its judge sees it' })
  async assignedProposal(
    @IdArg('proposalId') proposalId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JudgeAssignmentObject> {
    return toJudgeAssignmentObject(await this.judging.openAsJudge(proposalId, principal));
  }

  @Mutation(() => JudgeAssignmentObject, {
    description: 'One integer score per criterion within its scale; editable until judging ends',
  })
  async submitScores(
    @Args('input') input: SubmitScoresInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JudgeAssignmentObject> {
    return toJudgeAssignmentObject(await this.judging.submitScores(input, principal));
  }

  @Roles('admin')
  @Query(() => AuditEntryConnection, { description: 'Every judging action of a competition, newest first' })
  async judgingAuditLog(
    @IdArg('competitionId') competitionId: string,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<AuditEntryObject>> {
    return mapNodes(await this.judging.auditLog(competitionId, { size: first, after }), toAuditEntryObject);
  }
}

@Resolver(() => RankingObject)
export class RankingResolver {
  constructor(private readonly competitionsService: CompetitionsService) {}

  @ResolveField(() => RankedEntryConnection, {
    description:
      'Best first (rank, then proposal id); as long as the competition has ranked entries, so paged (published results in PostgreSQL)',
  })
  async entries(
    @Parent() ranking: RankingObject,
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<RankedEntryObject>> {
    const page = await this.competitionsService.rankingPage(ranking.competitionId, principal, {
      size: first,
      after,
    });
    return mapNodes(page, (row) => ({
      rank: row.rank,
      proposalId: row.entryId,
      title: row.title,
      normalisedScore: row.normalisedScore,
      meanRawScore: row.meanRawTotal,
      reviewCount: row.reviewCount,
      isWinner: row.isWinner,
      submittedAt: row.submittedAt,
    }));
  }
}
