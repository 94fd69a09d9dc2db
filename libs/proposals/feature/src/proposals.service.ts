import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ProposalSubmittedV1, ProposalWithdrawnV1, type CurrencyCode } from '@praxis/contracts';
import { isAdmin, type Principal } from '@praxis/platform/auth';
import type { FieldError } from '@praxis/platform/graphql';
import { containsPattern } from '@praxis/platform/database';
import { appendToOutbox } from '@praxis/platform/messaging';
import {
  AssignmentEntity,
  CompetitionEntity,
  CompetitionJudgeEntity,
  ConflictEntity,
  ProposalEntity,
  ProposalVersionEntity,
  ReviewEntity,
  TeamInvitationEntity,
} from '@praxis/proposals/data-access';
import {
  acceptsSubmissions,
  answerInvitation,
  assertEligible,
  assertTeamPlaces,
  CompetitionPhase,
  ConflictKind,
  InvitationStatus,
  NamedConflictStatus,
  namedConflictProblems,
  normaliseKeywords,
  toMajorUnits,
  ProposalsDomainError,
  type MinorUnitsResult,
} from '@praxis/proposals/domain';
import { PROPOSALS_OPTIONS, type ProposalsOptions } from './proposals.options';
import { NewDrafts } from './new-drafts';
import { minorUnitsOf } from './money-input';
import {
  ProposalStatus,
  type NamedConflictInput,
  type ReviewFeedbackObject,
  type SaveProposalDraftInput,
} from './proposals.objects';
import {
  assertOpenForDrafts,
  audit,
  datesOf,
  loadCompetition,
  loadProposal,
  lockCompetition,
  phaseOf,
  recordAutomaticConflicts,
  replicaOf,
  requireUuid,
  teamSnapshot,
} from './proposals.records';
import { JudgingAuditAction } from './judging.enums';
import {
  mapNodes,
  paginate,
  paginateEach,
  type Connection,
  type PageRequest,
} from '@praxis/platform/graphql';

/** The amount a draft requests in the competition's currency; nothing given is 0. */
function requestedFundingOf(
  input: Pick<SaveProposalDraftInput, 'requestedFunding' | 'requestedFundingMoney'>,
  currency: CurrencyCode,
): MinorUnitsResult {
  const given = minorUnitsOf(
    {
      money: input.requestedFundingMoney,
      float: input.requestedFunding,
      moneyField: 'input.requestedFundingMoney',
      floatField: 'input.requestedFunding',
    },
    currency,
  );
  return given ?? { ok: true, amountMinor: 0 };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REQUIRED_FOR_SUBMISSION = ['summary', 'aims', 'methods', 'expectedImpact'] as const;

/** Proposals as their teams see them: drafts, submission (frozen versions), withdrawal, results. */
@Injectable()
export class ProposalsService {
  private readonly newDrafts: NewDrafts;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PROPOSALS_OPTIONS) private readonly options: ProposalsOptions,
  ) {
    this.newDrafts = new NewDrafts(dataSource);
  }

  /**
   * Creates or edits a draft. `teamMemberIds` (with the lead) is the team the authors want: the author is on it
   * at once, everyone else is invited and joins only by accepting; members left out of the list are removed.
   * Left out of an edit, the team and its invitations stay as they are (a client showing a page of the
   * invitations cannot name them all); a new lead is still invited.
   */
  async saveDraft(input: SaveProposalDraftInput, principal: Principal): Promise<ProposalEntity> {
    const keepTeam = input.id != null && input.teamMemberIds == null;
    const wanted = [...new Set([input.leadApplicantId, ...(input.teamMemberIds ?? [])])];
    if (!keepTeam && !wanted.includes(principal.memberId)) {
      throw ProposalsDomainError.invalid([
        {
          field: 'input.teamMemberIds',
          rule: 'includesYou',
          message: 'you must be on the team of a proposal you write',
        },
      ]);
    }
    const id = input.id;
    if (!id) return this.createDraft(input, principal, wanted);
    return this.dataSource.transaction(async (manager) => {
      const competition = await lockCompetition(manager, input.competitionId, 'share', 'entries');
      assertOpenForDrafts(phaseOf(competition));
      // amounts are typed in the competition's currency, as exact minor units
      const requested = requestedFundingOf(input, competition.currency);
      if (!requested.ok) throw ProposalsDomainError.invalid([requested.problem]);
      const fields = {
        ...this.draftFields(input),
        currency: competition.currency,
        requestedFundingMinor: requested.amountMinor,
      };
      const proposal = await loadProposal(manager, id, true);
      this.requireTeam(proposal, principal);
      if (proposal.competitionId !== competition.id) {
        throw ProposalsDomainError.invalid([
          {
            field: 'input.competitionId',
            rule: 'unchanged',
            message: 'a proposal cannot move to another competition',
          },
        ]);
      }
      if (proposal.status === ProposalStatus.WITHDRAWN) {
        throw ProposalsDomainError.wrongState('A withdrawn proposal cannot be edited.');
      }
      Object.assign(proposal, fields);
      if (!keepTeam) {
        proposal.teamMemberIds = proposal.teamMemberIds.filter((memberId) => wanted.includes(memberId));
        await manager
          .createQueryBuilder()
          .delete()
          .from(TeamInvitationEntity)
          .where('proposal_id = :id AND NOT (member_id = ANY(:wanted))', { id: proposal.id, wanted })
          .execute();
      }
      await this.recordInvitations(
        manager,
        proposal.id,
        wanted.filter((memberId) => !proposal.teamMemberIds.includes(memberId)),
        principal.memberId,
      );
      // counted after the writes, under the proposal's row lock: a concurrent change waits for this one
      assertTeamPlaces(
        await this.teamPlacesTaken(manager, proposal.id),
        keepTeam ? 'input.leadApplicantId' : 'input.teamMemberIds',
      );
      if (proposal.status === ProposalStatus.SUBMITTED) {
        // an edit after submission is a new submitted version, under the same rules as the first
        return this.freezeVersion(manager, competition, proposal, principal, []);
      }
      await manager.save(proposal);
      return proposal;
    });
  }

  /**
   * A new draft, in one statement (`NewDrafts`): the author on the team, everyone else in `wanted` invited. The
   * amount is checked in the competition's currency and the places counted before it (a new proposal has no
   * invitations yet, so the places it takes are the team wanted); the phase is checked under the statement's lock.
   */
  private async createDraft(
    input: SaveProposalDraftInput,
    principal: Principal,
    wanted: readonly string[],
  ): Promise<ProposalEntity> {
    const competitionId = requireUuid(input.competitionId, 'competitionId');
    const invitees = [...new Set(wanted.map((memberId) => memberId.toLowerCase()))];
    assertTeamPlaces(invitees.length, 'input.teamMemberIds');
    const currency = await this.newDrafts.currencyOf(competitionId);
    // amounts are typed in the competition's currency, as exact minor units
    const requested = requestedFundingOf(input, currency);
    if (!requested.ok) throw ProposalsDomainError.invalid([requested.problem]);
    return this.newDrafts.create({
      ...this.draftFields(input),
      competitionId,
      currency,
      requestedFundingMinor: requested.amountMinor,
      authorId: principal.memberId.toLowerCase(),
      invitees,
    });
  }

  /** A draft's text as stored: trimmed, its keywords normalised. */
  private draftFields(input: SaveProposalDraftInput) {
    return {
      title: input.title.trim(),
      summary: input.summary.trim(),
      aims: input.aims.trim(),
      methods: input.methods.trim(),
      expectedImpact: input.expectedImpact.trim(),
      keywords: normaliseKeywords(input.keywords),
      leadApplicantId: input.leadApplicantId,
      requestedHours: input.requestedHours,
    };
  }

  async submit(
    id: string,
    namedConflicts: readonly NamedConflictInput[],
    principal: Principal,
  ): Promise<ProposalEntity> {
    // list arguments bypass the validation pipe, so their elements are checked here
    const problems: FieldError[] = [];
    namedConflicts.forEach((named, index) => {
      if (!UUID.test(named.judgeId)) {
        problems.push({
          field: `conflictedJudges[${index}].judgeId`,
          rule: 'isUuid',
          message: 'must be a member id',
        });
      }
      const reason = named.reason.trim();
      if (reason.length < 3 || reason.length > 1000) {
        problems.push({
          field: `conflictedJudges[${index}].reason`,
          rule: 'length',
          message: 'must be 3 to 1000 characters',
        });
      }
    });
    if (problems.length > 0) throw ProposalsDomainError.invalid(problems);
    return this.dataSource.transaction(async (manager) => {
      const known = await loadProposal(manager, id);
      const competition = await lockCompetition(manager, known.competitionId, 'share', 'entries');
      const proposal = await loadProposal(manager, known.id, true);
      this.requireTeam(proposal, principal);
      if (proposal.status === ProposalStatus.WITHDRAWN) {
        throw ProposalsDomainError.wrongState('A withdrawn proposal cannot be submitted.');
      }
      return this.freezeVersion(manager, competition, proposal, principal, namedConflicts);
    });
  }

  /** Checks the window, completeness and eligibility at this moment, then freezes the next version. */
  private async freezeVersion(
    manager: EntityManager,
    competition: CompetitionEntity,
    proposal: ProposalEntity,
    principal: Principal,
    namedConflicts: readonly NamedConflictInput[],
  ): Promise<ProposalEntity> {
    const now = new Date();
    if (!acceptsSubmissions(phaseOf(competition), datesOf(competition), now)) {
      throw ProposalsDomainError.wrongState(
        phaseOf(competition) === CompetitionPhase.OPEN
          ? `Submissions are accepted from ${competition.opensAt.toISOString()} until ${competition.closesAt.toISOString()}.`
          : `Submissions are accepted only while the competition is OPEN; it is ${competition.phase}.`,
        { phase: competition.phase, closesAt: competition.closesAt.toISOString() },
      );
    }
    const missing: FieldError[] = REQUIRED_FOR_SUBMISSION.filter((field) => proposal[field] === '').map(
      (field) => ({ field, rule: 'requiredForSubmission', message: 'must be filled in before submission' }),
    );
    if (missing.length > 0) throw ProposalsDomainError.invalid(missing);

    const replica = await replicaOf(manager, proposal.teamMemberIds);
    assertEligible(
      {
        requiresInterInstitutionalTeam: competition.requiresInterInstitutionalTeam,
        maxTeamSize: competition.maxTeamSize,
        allowedCareerStages: competition.allowedCareerStages,
      },
      teamSnapshot(proposal.teamMemberIds, proposal.leadApplicantId, replica),
      proposal.teamMemberIds.includes(proposal.leadApplicantId)
        ? {}
        : { pendingLeadId: proposal.leadApplicantId },
    );

    proposal.submittedVersion += 1;
    proposal.status = ProposalStatus.SUBMITTED;
    proposal.firstSubmittedAt ??= now;
    await manager.save(proposal);
    const version = manager.create(ProposalVersionEntity, {
      proposalId: proposal.id,
      version: proposal.submittedVersion,
      title: proposal.title,
      summary: proposal.summary,
      aims: proposal.aims,
      methods: proposal.methods,
      expectedImpact: proposal.expectedImpact,
      keywords: proposal.keywords,
      leadApplicantId: proposal.leadApplicantId,
      teamMemberIds: proposal.teamMemberIds,
      requestedFundingMinor: proposal.requestedFundingMinor,
      requestedHours: proposal.requestedHours,
      submittedBy: principal.memberId,
    });
    await manager.save(version);

    const alreadyNamed = await manager.find(ConflictEntity, {
      where: { proposalId: proposal.id, kind: ConflictKind.NAMED_BY_APPLICANT },
    });
    const overCap = namedConflictProblems({
      alreadyNamed: alreadyNamed.map((conflict) => conflict.judgeId),
      naming: namedConflicts.map((named) => named.judgeId),
      cap: this.options.namedConflictsMax,
    });
    if (overCap.length > 0) throw ProposalsDomainError.invalid(overCap);
    for (const named of namedConflicts) {
      // every naming waits for an admin's review; until then it blocks the judge (the applicants may be right)
      const inserted: unknown[] = await manager.query(
        `INSERT INTO conflict_of_interest
           (competition_id, proposal_id, judge_id, kind, reason, declared_by, review_status)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
        [
          competition.id,
          proposal.id,
          named.judgeId,
          ConflictKind.NAMED_BY_APPLICANT,
          named.reason.trim(),
          principal.memberId,
          NamedConflictStatus.PENDING,
        ],
      );
      if (inserted.length > 0) {
        await audit(manager, {
          competitionId: competition.id,
          action: JudgingAuditAction.CONFLICT_NAMED_BY_APPLICANT,
          actorId: principal.memberId,
          proposalId: proposal.id,
          judgeId: named.judgeId,
          detail: { reason: named.reason.trim() },
        });
      }
    }
    const judges = await manager.find(CompetitionJudgeEntity, { where: { competitionId: competition.id } });
    await recordAutomaticConflicts(
      manager,
      competition.id,
      [proposal],
      judges.map((judge) => judge.memberId),
      null,
    );

    const institutions = [
      ...new Set(
        proposal.teamMemberIds
          .map((memberId) => replica.get(memberId)?.institutionId)
          .filter((value): value is string => typeof value === 'string'),
      ),
    ];
    await appendToOutbox(
      manager,
      ProposalSubmittedV1,
      proposal.id,
      {
        proposalId: proposal.id,
        competitionId: competition.id,
        version: proposal.submittedVersion,
        title: proposal.title,
        keywords: proposal.keywords,
        // v1 predates currencies: major units of the competition's currency
        requestedFunding: toMajorUnits(proposal.requestedFundingMinor, proposal.currency),
        requestedHours: proposal.requestedHours,
        submittedAt: version.submittedAt.toISOString(),
        blind: competition.blind,
        team: competition.blind
          ? null
          : {
              leadApplicantId: proposal.leadApplicantId,
              memberIds: proposal.teamMemberIds,
              institutionIds: institutions,
            },
      },
      competition.blind ? { actorId: null } : {},
    );
    return proposal;
  }

  /** A team member invites someone else; they join only by accepting. */
  async invite(proposalId: string, memberId: string, principal: Principal): Promise<TeamInvitationEntity> {
    requireUuid(memberId, 'memberId');
    return this.dataSource.transaction(async (manager) => {
      const { proposal } = await this.lockForTeamChange(manager, proposalId);
      this.requireTeam(proposal, principal);
      if (proposal.teamMemberIds.includes(memberId)) {
        throw ProposalsDomainError.invalid([
          { field: 'memberId', rule: 'notOnTeam', message: 'is already on the team' },
        ]);
      }
      await this.recordInvitations(manager, proposal.id, [memberId], principal.memberId);
      // counted after the write, under the proposal's row lock (lockForTeamChange): two invitations racing for
      // the last place run one after the other, and the second counts the first
      assertTeamPlaces(await this.teamPlacesTaken(manager, proposal.id), 'memberId');
      return manager.findOneByOrFail(TeamInvitationEntity, { proposalId: proposal.id, memberId });
    });
  }

  /**
   * The invitee answers, once. Accepting puts them on the team (re-freezing a submitted proposal, under the
   * same eligibility rules as any edit); declining changes nothing on it.
   */
  async answerInvitation(
    proposalId: string,
    accept: boolean,
    principal: Principal,
  ): Promise<TeamInvitationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { competition, proposal } = await this.lockForTeamChange(manager, proposalId, accept);
      const key = { proposalId: proposal.id, memberId: principal.memberId };
      const current = await manager.findOneBy(TeamInvitationEntity, key);
      const status = answerInvitation((current?.status as InvitationStatus | undefined) ?? null, accept);
      await manager.update(TeamInvitationEntity, key, { status, answeredAt: new Date() });
      if (status === InvitationStatus.ACCEPTED) {
        proposal.teamMemberIds = [...proposal.teamMemberIds, principal.memberId];
        if (proposal.status === ProposalStatus.SUBMITTED) {
          await this.freezeVersion(manager, competition, proposal, principal, []);
        } else {
          await manager.save(proposal);
        }
      }
      return manager.findOneByOrFail(TeamInvitationEntity, key);
    });
  }

  /** Invitations waiting for the signed-in member's answer, with the proposals they are for. */
  async myInvitations(
    principal: Principal,
    page: PageRequest,
  ): Promise<Connection<{ invitation: TeamInvitationEntity; proposal: ProposalEntity }>> {
    const invitations = await paginate(
      this.dataSource
        .getRepository(TeamInvitationEntity)
        .createQueryBuilder('i')
        .where('i.member_id = :me AND i.status = :pending', {
          me: principal.memberId,
          pending: InvitationStatus.PENDING,
        }),
      page,
      ['invitedAt', 'proposalId'],
    );
    const ids = invitations.edges.map((edge) => edge.node.proposalId);
    const proposals = ids.length
      ? await this.dataSource.getRepository(ProposalEntity).findBy({ id: In(ids) })
      : [];
    const byId = new Map(proposals.map((proposal) => [proposal.id, proposal]));
    // an invitation's proposal is never deleted (foreign key), so every node finds its proposal
    return mapNodes(invitations, (invitation) => ({
      invitation,
      proposal: byId.get(invitation.proposalId) as ProposalEntity,
    }));
  }

  /**
   * For the request loader: the same page of the invitations of several proposals, newest first, paged in
   * PostgreSQL (one query for the pages, one for the counts); authorisation is the caller's.
   */
  invitationPages(
    proposalIds: readonly string[],
    page: PageRequest,
  ): Promise<Map<string, Connection<TeamInvitationEntity>>> {
    return paginateEach(
      this.dataSource.getRepository(TeamInvitationEntity),
      'proposalId',
      proposalIds,
      page,
      ['invitedAt', 'memberId'],
    );
  }

  /** Places a team's members and pending invitations take (MAX_TEAM_PLACES at most). */
  private async teamPlacesTaken(manager: EntityManager, proposalId: string): Promise<number> {
    return manager.countBy(TeamInvitationEntity, {
      proposalId,
      status: In([InvitationStatus.PENDING, InvitationStatus.ACCEPTED]),
    });
  }

  /** For the request loader: any proposals by id, authorisation left to the caller. */
  entitiesByIds(ids: readonly string[]): Promise<ProposalEntity[]> {
    return this.dataSource.getRepository(ProposalEntity).findBy({ id: In([...ids]) });
  }

  /** The team changes only while the competition is open and the proposal not withdrawn. */
  private async lockForTeamChange(
    manager: EntityManager,
    proposalId: string,
    changesTeam = true,
  ): Promise<{ competition: CompetitionEntity; proposal: ProposalEntity }> {
    const known = await loadProposal(manager, proposalId);
    const competition = await lockCompetition(manager, known.competitionId, 'share', 'entries');
    const proposal = await loadProposal(manager, known.id, true);
    if (changesTeam && phaseOf(competition) !== CompetitionPhase.OPEN) {
      throw ProposalsDomainError.wrongState(
        `A team changes only while the competition is OPEN; it is ${competition.phase}.`,
        { phase: competition.phase },
      );
    }
    if (changesTeam && proposal.status === ProposalStatus.WITHDRAWN) {
      throw ProposalsDomainError.wrongState('The proposal is withdrawn; its team no longer changes.');
    }
    return { competition, proposal };
  }

  /**
   * Invites each member once (a new draft's invitations, the author's accepted, are in `NewDrafts`); inviting
   * again someone who declined asks them again, while a pending or accepted invitation stays as it is.
   */
  private async recordInvitations(
    manager: EntityManager,
    proposalId: string,
    memberIds: readonly string[],
    invitedBy: string,
  ): Promise<void> {
    for (const memberId of memberIds) {
      await manager.query(
        `INSERT INTO team_invitation (proposal_id, member_id, status, invited_by)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (proposal_id, member_id) DO UPDATE
           SET status = EXCLUDED.status, invited_by = EXCLUDED.invited_by, invited_at = now(), answered_at = NULL
           WHERE team_invitation.status = 'DECLINED'`,
        [proposalId, memberId, InvitationStatus.PENDING, invitedBy],
      );
    }
  }

  async withdraw(id: string, principal: Principal): Promise<ProposalEntity> {
    return this.dataSource.transaction(async (manager) => {
      const known = await loadProposal(manager, id);
      const competition = await lockCompetition(manager, known.competitionId, 'share', 'entries');
      const proposal = await loadProposal(manager, known.id, true);
      this.requireTeam(proposal, principal);
      if (proposal.status === ProposalStatus.WITHDRAWN) {
        throw ProposalsDomainError.wrongState('The proposal is already withdrawn.');
      }
      const phase = phaseOf(competition);
      if (phase === CompetitionPhase.CANCELLED) {
        throw ProposalsDomainError.wrongState(
          `A proposal cannot be withdrawn once the competition is ${phase}.`,
          {
            phase,
          },
        );
      }
      const wasSubmitted = proposal.status === ProposalStatus.SUBMITTED;
      proposal.status = ProposalStatus.WITHDRAWN;
      await manager.save(proposal);
      const removed = await manager.find(AssignmentEntity, { where: { proposalId: proposal.id } });
      if (removed.length > 0) {
        await manager.delete(AssignmentEntity, { proposalId: proposal.id });
        await manager.delete(ReviewEntity, { proposalId: proposal.id });
        for (const assignment of removed) {
          await audit(manager, {
            competitionId: competition.id,
            action: JudgingAuditAction.ASSIGNMENT_REMOVED,
            actorId: principal.memberId,
            proposalId: proposal.id,
            judgeId: assignment.judgeId,
            detail: { reason: 'proposal withdrawn' },
          });
        }
      }
      await appendToOutbox(
        manager,
        ProposalWithdrawnV1,
        proposal.id,
        {
          proposalId: proposal.id,
          competitionId: competition.id,
          wasSubmitted,
          withdrawnAt: new Date().toISOString(),
        },
        competition.blind ? { actorId: null } : {},
      );
      return proposal;
    });
  }

  async mine(principal: Principal, page: PageRequest): Promise<Connection<ProposalEntity>> {
    return paginate(
      this.dataSource
        .getRepository(ProposalEntity)
        .createQueryBuilder('p')
        .where(':me = ANY(p.team_member_ids)', { me: principal.memberId }),
      page,
      ['createdAt', 'id'],
    );
  }

  /** Team members and admins only; anyone else (judges included) gets FORBIDDEN. */
  async readable(id: string, principal: Principal): Promise<ProposalEntity> {
    const proposal = await loadProposal(this.dataSource.manager, id);
    if (!this.canRead(proposal, principal)) {
      throw ProposalsDomainError.forbidden('only the team and admins can read this proposal');
    }
    return proposal;
  }

  async entity(id: string): Promise<ProposalEntity> {
    return loadProposal(this.dataSource.manager, id);
  }

  canRead(proposal: ProposalEntity, principal: Principal | null): boolean {
    if (principal === null) return false;
    if (proposal.teamMemberIds.includes(principal.memberId)) return true;
    // drafts are private to the team; admins see what was submitted or withdrawn
    return isAdmin(principal) && proposal.status !== ProposalStatus.DRAFT;
  }

  /** Submitted entries, most recently first submitted first. */
  async ofCompetition(
    competitionId: string,
    page: PageRequest,
    titleContains: string | null = null,
  ): Promise<Connection<ProposalEntity>> {
    const competition = await loadCompetition(this.dataSource.manager, competitionId);
    const query = this.dataSource
      .getRepository(ProposalEntity)
      .createQueryBuilder('p')
      .where('p.competition_id = :competitionId AND p.status = :submitted', {
        competitionId: competition.id,
        submitted: ProposalStatus.SUBMITTED,
      });
    if (titleContains) {
      query.andWhere(`p.title ILIKE :title ESCAPE '\\'`, { title: containsPattern(titleContains) });
    }
    return paginate(query, page, ['firstSubmittedAt', 'id']);
  }

  /** Anonymised reviews as frozen at publication; null before. */
  async feedback(proposal: ProposalEntity): Promise<ReviewFeedbackObject[] | null> {
    if (proposal.rank === null || proposal.publishedFeedback === null) return null;
    return proposal.publishedFeedback.map((entry) => ({
      reviewer: entry.reviewer,
      total: entry.total,
      scores: entry.scores.map((score) => ({ criterionId: score.criterionId, value: score.value })),
      comment: entry.comment,
    }));
  }

  private requireTeam(proposal: ProposalEntity, principal: Principal): void {
    if (!proposal.teamMemberIds.includes(principal.memberId)) {
      throw ProposalsDomainError.forbidden('only members of the proposal team can do this');
    }
  }
}
