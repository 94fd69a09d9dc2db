import { AfterArg, FirstArg, IdArg, mapNodes, type Connection } from '@praxis/platform/graphql';
import { Args, Context, Int, Mutation, Parent, Query, ResolveReference, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { MatchingService } from './matching.service';
import { MastermindService, mayReadGroup } from './mastermind.service';
import {
  coachingWorkshopLoader,
  mastermindGroupLoader,
  mastermindSessionLoader,
  matchRunLoader,
} from './mentorship.loaders';
import { requireUuid } from './mentorship.shared';
import {
  toActionPlanObject,
  toCoachingRequestObject,
  toEnrolmentObject,
  toGroupObject,
  toMatchRunObject,
  toNextStepObject,
  toSessionObject,
  toSupervisionObject,
  toWorkshopObject,
  viewerOf,
} from './mentorship.mapper';
import {
  ActionPlanInput,
  ActionPlanObject,
  CoachingRequestConnection,
  CoachingRequestObject,
  CoachingWorkshopConnection,
  CoachingWorkshopObject,
  CreateMastermindGroupInput,
  CreateWorkshopInput,
  CvReviewInput,
  EnrolmentObject,
  MastermindGroupConnection,
  MastermindGroupObject,
  MastermindSessionConnection,
  MastermindSessionInput,
  MastermindSessionObject,
  MatchRunConnection,
  MatchRunObject,
  MatchRunStatusEnum,
  NextStepObject,
  RunMatchingInput,
  SupervisionProposalConnection,
  SupervisionProposalObject,
  SupervisionStatusEnum,
  type MatchRunStatus,
  type SupervisionStatus,
} from './mentorship.objects';
import type { MastermindGroupEntity, CoachingWorkshopEntity } from '@praxis/mentorship/data-access';
import { WorkshopsService } from './workshops.service';
import { MentorshipDomainError } from '@praxis/mentorship/domain';

function checkText(field: string, value: string): void {
  const length = value.trim().length;
  if (length === 0 || length > 4000) {
    throw MentorshipDomainError.invalid(field, 'length', 'must be 1 to 4000 characters');
  }
}

@Resolver(() => MatchRunObject)
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @Roles('admin')
  @Mutation(() => MatchRunObject, {
    description:
      'Formal programme: the assignment with the highest total match score, as proposals to review',
  })
  async runMatching(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RunMatchingInput,
  ): Promise<MatchRunObject> {
    return toMatchRunObject(await this.matching.runMatching(principal.memberId, input));
  }

  @Roles('admin')
  @Mutation(() => MatchRunObject, {
    description: 'Give a mentee another mentor in a proposed run, or none (null)',
  })
  async editMatchProposal(
    @IdArg('runId') runId: string,
    @IdArg('menteeId') menteeId: string,
    @IdArg('mentorId', { nullable: true }) mentorId: string | null,
  ): Promise<MatchRunObject> {
    return toMatchRunObject(await this.matching.editProposal(runId, menteeId, mentorId));
  }

  @Roles('admin')
  @Mutation(() => MatchRunObject, { description: 'Start every proposed pairing of the run' })
  async approveMatchRun(
    @CurrentPrincipal() principal: Principal,
    @IdArg('runId') runId: string,
  ): Promise<MatchRunObject> {
    return toMatchRunObject(await this.matching.approveRun(principal.memberId, runId));
  }

  @Roles('admin')
  @Query(() => MatchRunObject)
  async matchRun(@IdArg('id') id: string): Promise<MatchRunObject> {
    return toMatchRunObject(await this.matching.matchRun(id));
  }

  @Roles('admin')
  @Query(() => MatchRunConnection, {
    description: 'Formal matching runs, newest first, optionally of one status',
  })
  async matchRuns(
    @Args('status', { type: () => MatchRunStatusEnum, nullable: true }) status: MatchRunStatus | null,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<MatchRunObject>> {
    return mapNodes(await this.matching.matchRunPage(status, { size: first, after }), toMatchRunObject);
  }

  @Roles('admin')
  @Query(() => SupervisionProposalConnection, {
    description: 'Supervisors proposed for competition winners, newest first',
  })
  async supervisionProposals(
    @Args('status', { type: () => SupervisionStatusEnum, nullable: true }) status: SupervisionStatus | null,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<SupervisionProposalObject>> {
    return mapNodes(
      await this.matching.supervisionProposals(status, { size: first, after }),
      toSupervisionObject,
    );
  }

  @Roles('admin')
  @Mutation(() => SupervisionProposalObject, {
    description: 'Confirm the proposed supervisor, or name another',
  })
  async confirmSupervision(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
    @IdArg('mentorId', { nullable: true }) mentorId: string | null,
  ): Promise<SupervisionProposalObject> {
    return toSupervisionObject(await this.matching.confirmSupervision(principal.memberId, id, mentorId));
  }

  /** Other subgraphs reference match runs by id; like `matchRun`, admins only (null for anyone else). */
  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @CurrentPrincipal() principal: Principal,
    @Context('req') request: object,
  ): Promise<MatchRunObject | null> {
    const view = await matchRunLoader(this.matching, request).load(requireUuid(reference.id, 'id'));
    return view && viewerOf(principal).isAdmin ? toMatchRunObject(view) : null;
  }
}

@Resolver(() => MastermindGroupObject)
export class MastermindResolver {
  constructor(private readonly mastermind: MastermindService) {}

  @Mutation(() => MastermindGroupObject, { description: '4 to 10 people including the facilitator' })
  async createMastermindGroup(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateMastermindGroupInput,
  ): Promise<MastermindGroupObject> {
    return this.toObject(await this.mastermind.createGroup(viewerOf(principal), input));
  }

  @Query(() => MastermindGroupObject, { description: 'For its members and admins' })
  async mastermindGroup(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<MastermindGroupObject> {
    return this.toObject(await this.mastermind.group(viewerOf(principal), id));
  }

  @Query(() => MastermindGroupConnection, { description: 'Groups you facilitate or belong to, newest first' })
  async myMastermindGroups(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<MastermindGroupObject>> {
    const groups = await this.mastermind.groupsOf(principal.memberId, { size: first, after });
    const details = await this.mastermind.detailsOf(groups.edges.map((edge) => edge.node));
    return mapNodes(groups, (group) => {
      const { mix, openNextSteps } = details(group);
      return toGroupObject(group, mix, openNextSteps);
    });
  }

  @Query(() => MastermindSessionConnection, { description: 'Sessions of a group, most recently held first' })
  async mastermindSessions(
    @CurrentPrincipal() principal: Principal,
    @IdArg('groupId') groupId: string,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<MastermindSessionObject>> {
    const views = await this.mastermind.sessionsOf(viewerOf(principal), groupId, { size: first, after });
    return mapNodes(views, (view) => toSessionObject(view, principal.memberId));
  }

  @Mutation(() => MastermindSessionObject, { description: 'The facilitator records a session' })
  async recordMastermindSession(
    @CurrentPrincipal() principal: Principal,
    @IdArg('groupId') groupId: string,
    @Args('input') input: MastermindSessionInput,
  ): Promise<MastermindSessionObject> {
    const view = await this.mastermind.recordSession(viewerOf(principal), groupId, input);
    return toSessionObject(view, principal.memberId);
  }

  @Mutation(() => MastermindSessionObject, { description: 'Each attendee rates a session once, 1 to 5' })
  async rateSession(
    @CurrentPrincipal() principal: Principal,
    @IdArg('sessionId') sessionId: string,
    @Args('rating', { type: () => Int }) rating: number,
  ): Promise<MastermindSessionObject> {
    return toSessionObject(
      await this.mastermind.rate(principal.memberId, sessionId, rating),
      principal.memberId,
    );
  }

  @Mutation(() => NextStepObject, { description: 'Report your own next step done' })
  async reportNextStepDone(
    @CurrentPrincipal() principal: Principal,
    @IdArg('stepId') stepId: string,
  ): Promise<NextStepObject> {
    return toNextStepObject(await this.mastermind.reportNextStepDone(principal.memberId, stepId));
  }

  /** Other subgraphs reference groups by id; like `mastermindGroup`, its members and admins. */
  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @CurrentPrincipal() principal: Principal,
    @Context('req') request: object,
  ): Promise<MastermindGroupObject | null> {
    const found = await mastermindGroupLoader(this.mastermind, request).load(requireUuid(reference.id, 'id'));
    return found && mayReadGroup(found.group, viewerOf(principal))
      ? toGroupObject(found.group, found.details.mix, found.details.openNextSteps)
      : null;
  }

  private async toObject(group: MastermindGroupEntity): Promise<MastermindGroupObject> {
    const { mix, openNextSteps } = (await this.mastermind.detailsOf([group]))(group);
    return toGroupObject(group, mix, openNextSteps);
  }
}

/** Sessions are read through their group's `mastermindSessions`; other subgraphs reference them by id. */
@Resolver(() => MastermindSessionObject)
export class MastermindSessionResolver {
  constructor(private readonly mastermind: MastermindService) {}

  /** The members of the session's group and admins (like `mastermindSessions`); null for anyone else. */
  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @CurrentPrincipal() principal: Principal,
    @Context('req') request: object,
  ): Promise<MastermindSessionObject | null> {
    const found = await mastermindSessionLoader(this.mastermind, request).load(
      requireUuid(reference.id, 'id'),
    );
    return found && mayReadGroup(found.group, viewerOf(principal))
      ? toSessionObject(found.view, principal.memberId)
      : null;
  }
}

@Resolver(() => CoachingWorkshopObject)
export class WorkshopsResolver {
  constructor(private readonly workshops: WorkshopsService) {}

  @Mutation(() => CoachingWorkshopObject, {
    description: 'A junior resident (graduated within 5 years) coaches up to 5 students for about 2 hours',
  })
  async createCoachingWorkshop(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateWorkshopInput,
  ): Promise<CoachingWorkshopObject> {
    const workshop = await this.workshops.createWorkshop(viewerOf(principal), input);
    return this.toObject(workshop, principal);
  }

  @Query(() => CoachingWorkshopObject)
  async coachingWorkshop(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<CoachingWorkshopObject> {
    return this.toObject(await this.workshops.workshop(id), principal);
  }

  @Query(() => CoachingWorkshopConnection, { description: 'Workshops not yet started, soonest first' })
  async upcomingCoachingWorkshops(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<CoachingWorkshopObject>> {
    const workshops = await this.workshops.upcoming({ size: first, after });
    // one query for the enrolments of the whole page, not one per workshop
    const enrolments = await this.workshops.enrolmentsOfMany(workshops.edges.map((edge) => edge.node.id));
    return mapNodes(workshops, (workshop) =>
      toWorkshopObject(workshop, enrolments.get(workshop.id) ?? [], viewerOf(principal)),
    );
  }

  @Mutation(() => EnrolmentObject, { description: 'Enrolled while places remain, then waitlisted' })
  async enrolInWorkshop(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<EnrolmentObject> {
    return toEnrolmentObject(await this.workshops.enrol(principal.memberId, id));
  }

  @Mutation(() => EnrolmentObject, {
    nullable: true,
    description: 'Leave a workshop or its waitlist; returns whoever was promoted into the freed place',
  })
  async withdrawFromWorkshop(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<EnrolmentObject | null> {
    const promoted = await this.workshops.withdraw(principal.memberId, id);
    return promoted ? toEnrolmentObject(promoted) : null;
  }

  @Mutation(() => CoachingWorkshopObject, {
    description: 'The coach marks the workshop held once it started',
  })
  async markWorkshopHeld(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<CoachingWorkshopObject> {
    return this.toObject(await this.workshops.markHeld(viewerOf(principal), id), principal);
  }

  @Mutation(() => ActionPlanObject, { description: 'Your objectives and dated actions from the workshop' })
  async setActionPlan(
    @CurrentPrincipal() principal: Principal,
    @IdArg('workshopId') workshopId: string,
    @Args('input') input: ActionPlanInput,
  ): Promise<ActionPlanObject> {
    const plan = await this.workshops.setActionPlan(principal.memberId, workshopId, input);
    return toActionPlanObject(plan, this.workshops.progressOf(plan));
  }

  @Query(() => ActionPlanObject, {
    nullable: true,
    description: "A student's action plan: for the student and the coach. Defaults to yours",
  })
  async actionPlan(
    @CurrentPrincipal() principal: Principal,
    @IdArg('workshopId') workshopId: string,
    @IdArg('memberId', { nullable: true }) memberId: string | null,
  ): Promise<ActionPlanObject | null> {
    const plan = await this.workshops.actionPlan(
      viewerOf(principal),
      workshopId,
      memberId ?? principal.memberId,
    );
    return plan ? toActionPlanObject(plan, this.workshops.progressOf(plan)) : null;
  }

  @Mutation(() => CoachingRequestObject, {
    description: 'Ask the coach to review your CV (a link or the text)',
  })
  async requestCvReview(
    @CurrentPrincipal() principal: Principal,
    @IdArg('workshopId') workshopId: string,
    @Args('input') input: CvReviewInput,
  ): Promise<CoachingRequestObject> {
    return toCoachingRequestObject(
      await this.workshops.requestCoaching(principal.memberId, workshopId, 'CV_REVIEW', input),
    );
  }

  @Mutation(() => CoachingRequestObject, { description: 'Ask the coach for a follow-up meeting' })
  async requestFollowUp(
    @CurrentPrincipal() principal: Principal,
    @IdArg('workshopId') workshopId: string,
    @Args('message') message: string,
  ): Promise<CoachingRequestObject> {
    checkText('message', message);
    return toCoachingRequestObject(
      await this.workshops.requestCoaching(principal.memberId, workshopId, 'FOLLOW_UP', { text: message }),
    );
  }

  @Mutation(() => CoachingRequestObject, {
    description: 'The coach answers a CV review or follow-up request',
  })
  async respondToCoachingRequest(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
    @Args('response') response: string,
  ): Promise<CoachingRequestObject> {
    checkText('response', response);
    return toCoachingRequestObject(await this.workshops.respondToCoaching(principal.memberId, id, response));
  }

  @Query(() => CoachingRequestConnection, {
    description: 'The coach sees all; a student sees their own. Newest first',
  })
  async coachingRequests(
    @CurrentPrincipal() principal: Principal,
    @IdArg('workshopId') workshopId: string,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<CoachingRequestObject>> {
    return mapNodes(
      await this.workshops.coachingRequests(viewerOf(principal), workshopId, { size: first, after }),
      toCoachingRequestObject,
    );
  }

  /** Other subgraphs reference workshops by id; like `coachingWorkshop`, any signed-in member. */
  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @CurrentPrincipal() principal: Principal,
    @Context('req') request: object,
  ): Promise<CoachingWorkshopObject | null> {
    const found = await coachingWorkshopLoader(this.workshops, request).load(requireUuid(reference.id, 'id'));
    return found ? toWorkshopObject(found.workshop, found.enrolments, viewerOf(principal)) : null;
  }

  private async toObject(
    workshop: CoachingWorkshopEntity,
    principal: Principal,
  ): Promise<CoachingWorkshopObject> {
    return toWorkshopObject(workshop, await this.workshops.enrolments(workshop.id), viewerOf(principal));
  }
}
