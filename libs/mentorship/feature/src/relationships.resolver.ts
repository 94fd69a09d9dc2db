import {
  Args,
  Context,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { AfterArg, FirstArg, IdArg, mapNodes, pageSize, type Connection } from '@praxis/platform/graphql';
import {
  toCheckInObject,
  toFeedbackObject,
  toMenteeProfileObject,
  toMentorProfileObject,
  toRelationshipObject,
  toSuggestionObject,
  viewerOf,
} from './mentorship.mapper';
import {
  AgreementInput,
  CheckInConnection,
  CheckInInput,
  CheckInObject,
  FeedbackConnection,
  FeedbackInput,
  FeedbackObject,
  GiveFeedbackResultObject,
  MenteeProfileInput,
  MenteeProfileObject,
  MentorProfileInput,
  MentorProfileObject,
  MentorSuggestionObject,
  OverviewObject,
  RelationshipConnection,
  RelationshipObject,
  RelationshipStatsObject,
  RequestMentorInput,
} from './mentorship.objects';
import { ProfilesService } from './profiles.service';
import { mayReadRelationship, RelationshipsService, type Viewer } from './relationships.service';
import { checkInsLoader, feedbackLoader, relationshipLoader } from './mentorship.loaders';
import type { RelationshipEntity } from '@praxis/mentorship/data-access';
import { requireUuid } from './mentorship.shared';
import { MentorshipDomainError } from '@praxis/mentorship/domain';

function checkText(field: string, value: string | null, required: boolean): void {
  const length = value?.trim().length ?? 0;
  if ((required && length === 0) || length > 2000) {
    throw MentorshipDomainError.invalid(field, 'length', 'must be 1 to 2000 characters');
  }
}

@Resolver(() => RelationshipObject)
export class RelationshipsResolver {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly relationships: RelationshipsService,
  ) {}

  // ------------------------------------------------------------------------------------------ profiles

  @Roles('mentor')
  @Mutation(() => MentorProfileObject, {
    description: 'Create or replace your mentor profile; needs the mentor role',
  })
  async upsertMentorProfile(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: MentorProfileInput,
  ): Promise<MentorProfileObject> {
    return toMentorProfileObject(await this.profiles.upsertMentorProfile(principal.memberId, input));
  }

  @Mutation(() => MenteeProfileObject, { description: 'Create or replace your mentee profile' })
  async upsertMenteeProfile(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: MenteeProfileInput,
  ): Promise<MenteeProfileObject> {
    return toMenteeProfileObject(await this.profiles.upsertMenteeProfile(principal.memberId, input));
  }

  @Query(() => MentorProfileObject, { nullable: true })
  async myMentorProfile(@CurrentPrincipal() principal: Principal): Promise<MentorProfileObject | null> {
    const profile = await this.profiles.mentorProfile(principal.memberId);
    return profile ? toMentorProfileObject(profile) : null;
  }

  @Query(() => MenteeProfileObject, { nullable: true })
  async myMenteeProfile(@CurrentPrincipal() principal: Principal): Promise<MenteeProfileObject | null> {
    const profile = await this.profiles.menteeProfile(principal.memberId);
    return profile ? toMenteeProfileObject(profile) : null;
  }

  @Query(() => [MentorSuggestionObject], {
    description:
      'Mentors for you, best match first, with the reasons. Never a paused or full mentor, yourself, or a mentor you already have or asked',
  })
  async mentorSuggestions(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
  ): Promise<MentorSuggestionObject[]> {
    const suggestions = await this.profiles.suggestionsFor(principal.memberId, pageSize(first ?? 10));
    return suggestions.map(toSuggestionObject);
  }

  // ------------------------------------------------------------------------------------------ relationships

  @Mutation(() => RelationshipObject, { description: 'Ask a mentor directly; they accept or decline' })
  async requestMentor(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RequestMentorInput,
  ): Promise<RelationshipObject> {
    const relationship = await this.relationships.requestMentor(
      principal.memberId,
      input.mentorId,
      input.message,
    );
    return toRelationshipObject(relationship, viewerOf(principal), null);
  }

  @Mutation(() => RelationshipObject, { description: 'The mentor accepts (if a place is free) or declines' })
  async respondToRequest(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
    @Args('accept') accept: boolean,
    @Args('message', { type: () => String, nullable: true }) message: string | null,
  ): Promise<RelationshipObject> {
    checkText('message', message, false);
    const relationship = await this.relationships.respondToRequest(principal.memberId, id, accept, message);
    return this.toObject(relationship, principal);
  }

  @Mutation(() => RelationshipObject, {
    description: 'Either side ends the relationship (the reason stays private to the two of you)',
  })
  async endRelationship(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
    @Args('reason') reason: string,
  ): Promise<RelationshipObject> {
    checkText('reason', reason, true);
    const relationship = await this.relationships.endRelationship(viewerOf(principal), id, reason);
    return this.toObject(relationship, principal);
  }

  @Mutation(() => RelationshipObject, {
    description: 'Propose the agreement (you agree to it); it holds once the other side agrees too',
  })
  async setAgreement(
    @CurrentPrincipal() principal: Principal,
    @IdArg('relationshipId') relationshipId: string,
    @Args('input') input: AgreementInput,
  ): Promise<RelationshipObject> {
    return this.toObject(
      await this.relationships.setAgreement(principal.memberId, relationshipId, input),
      principal,
    );
  }

  @Mutation(() => RelationshipObject, { description: 'Agree to the agreement the other side proposed' })
  async agreeToAgreement(
    @CurrentPrincipal() principal: Principal,
    @IdArg('relationshipId') relationshipId: string,
  ): Promise<RelationshipObject> {
    return this.toObject(
      await this.relationships.agreeToAgreement(principal.memberId, relationshipId),
      principal,
    );
  }

  @Mutation(() => CheckInObject)
  async logCheckIn(
    @CurrentPrincipal() principal: Principal,
    @IdArg('relationshipId') relationshipId: string,
    @Args('input') input: CheckInInput,
  ): Promise<CheckInObject> {
    return toCheckInObject(await this.relationships.logCheckIn(principal.memberId, relationshipId, input));
  }

  @Mutation(() => GiveFeedbackResultObject, {
    description: 'Once per month per side; the other side sees it once both gave theirs',
  })
  async giveFeedback(
    @CurrentPrincipal() principal: Principal,
    @IdArg('relationshipId') relationshipId: string,
    @Args('input') input: FeedbackInput,
  ): Promise<GiveFeedbackResultObject> {
    const result = await this.relationships.giveFeedback(principal.memberId, relationshipId, input);
    return {
      feedback: toFeedbackObject(result.entry),
      offerRePairing: result.offerRePairing,
      suggestions: result.suggestions.map(toSuggestionObject),
    };
  }

  @Query(() => RelationshipConnection, {
    description: 'Your relationships, as mentor or mentee, newest first',
  })
  async myRelationships(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<RelationshipObject>> {
    const rows = await this.relationships.relationshipsOf(principal.memberId, { size: first, after });
    return mapNodes(rows, (row) => this.toObject(row, principal));
  }

  @Query(() => RelationshipObject, {
    description: 'For the two people in it; admins see it without private parts',
  })
  async relationship(
    @CurrentPrincipal() principal: Principal,
    @IdArg('id') id: string,
  ): Promise<RelationshipObject> {
    return this.toObject(await this.relationships.relationshipFor(viewerOf(principal), id), principal);
  }

  @Roles('admin')
  @Query(() => OverviewObject, { description: 'Programme counts and ratings; no private text' })
  async mentorshipOverview(): Promise<OverviewObject> {
    return this.relationships.overview();
  }

  @Roles('admin')
  @Query(() => RelationshipStatsObject)
  async relationshipStats(@IdArg('id') id: string): Promise<RelationshipStatsObject> {
    return this.relationships.statsFor(id);
  }

  @ResolveField(() => CheckInConnection, {
    description: 'Private: the two people in the relationship only. Most recently held first',
  })
  async checkIns(
    @Parent() parent: RelationshipObject,
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
    @Context('req') request: object,
  ): Promise<Connection<CheckInObject>> {
    const viewer = viewerOf(principal);
    const relationship = await this.readable(parent.id, viewer, request);
    const rows = await checkInsLoader(this.relationships, request).load(relationship.id);
    return mapNodes(
      this.relationships.checkInsPage(viewer, relationship, rows, { size: first, after }),
      toCheckInObject,
    );
  }

  @ResolveField(() => FeedbackConnection, {
    description:
      "Private: yours, and the other side's once both of you gave feedback for the month. Newest first",
  })
  async feedback(
    @Parent() parent: RelationshipObject,
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
    @Context('req') request: object,
  ): Promise<Connection<FeedbackObject>> {
    const viewer = viewerOf(principal);
    const relationship = await this.readable(parent.id, viewer, request);
    const rows = await feedbackLoader(this.relationships, request).load(relationship.id);
    return mapNodes(
      this.relationships.feedbackPage(viewer, relationship, rows, { size: first, after }),
      toFeedbackObject,
    );
  }

  /** Other subgraphs reference relationships by id; the same rule as `relationship` applies. */
  @ResolveReference()
  async resolveReference(
    // with any parameter decorator present, Nest passes the reference only through @Parent()
    @Parent() reference: { id: string },
    @CurrentPrincipal() principal: Principal,
    @Context('req') request: object,
  ): Promise<RelationshipObject | null> {
    const relationship = await relationshipLoader(this.relationships, request).load(
      requireUuid(reference.id, 'id'),
    );
    return relationship && mayReadRelationship(relationship, viewerOf(principal))
      ? this.toObject(relationship, principal)
      : null;
  }

  /**
   * The parent of a field, loaded with every other parent of the page in one query and checked with the rule of
   * `relationship`: to anyone who may not read it, it does not exist.
   */
  private async readable(id: string, viewer: Viewer, request: object): Promise<RelationshipEntity> {
    const relationship = await relationshipLoader(this.relationships, request).load(id);
    if (!relationship || !mayReadRelationship(relationship, viewer)) {
      throw MentorshipDomainError.notFound('relationship');
    }
    return relationship;
  }

  private toObject(
    relationship: Parameters<RelationshipsService['health']>[0],
    principal: Principal,
  ): RelationshipObject {
    return toRelationshipObject(relationship, viewerOf(principal), this.relationships.health(relationship));
  }
}
