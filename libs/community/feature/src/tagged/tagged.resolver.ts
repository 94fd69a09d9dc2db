import { Query, Resolver } from '@nestjs/graphql';
import { AfterArg, FirstArg, IdArg, mapNodes, type Connection } from '@praxis/platform/graphql';
import type { TaggedCompetitionEntity, TaggedMastermindGroupEntity } from '@praxis/community/data-access';
import { TaggedListingsService, type Tagged } from './tagged.service';
import {
  TaggedCompetitionConnection,
  TaggedCompetitionPhase,
  TaggedMastermindGroupConnection,
  type TaggedCompetitionObject,
  type TaggedMastermindGroupObject,
} from './tagged.objects';

function toCompetitionObject({
  listing,
  matchedInterests,
}: Tagged<TaggedCompetitionEntity>): TaggedCompetitionObject {
  return {
    competitionId: listing.competitionId,
    title: listing.title,
    opensAt: listing.opensAt,
    closesAt: listing.closesAt,
    phase: listing.phase as TaggedCompetitionPhase,
    tags: listing.tags,
    matchedInterests,
  };
}

function toGroupObject({
  listing,
  matchedInterests,
}: Tagged<TaggedMastermindGroupEntity>): TaggedMastermindGroupObject {
  return {
    groupId: listing.groupId,
    name: listing.name,
    cadenceDays: listing.cadenceDays,
    size: listing.size,
    formedAt: listing.formedAt,
    tags: listing.tags,
    matchedInterests,
  };
}

/** Competitions and mastermind groups a community lists by its interests; public fields, any signed-in member. */
@Resolver()
export class TaggedListingsResolver {
  constructor(private readonly tagged: TaggedListingsService) {}

  @Query(() => TaggedCompetitionConnection, {
    description:
      "Competitions tagged with one of a community's interests (case and spacing ignored), closing soonest first",
  })
  async taggedCompetitions(
    @IdArg('communityId') communityId: string,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<TaggedCompetitionObject>> {
    return mapNodes(await this.tagged.competitions(communityId, { size: first, after }), toCompetitionObject);
  }

  @Query(() => TaggedMastermindGroupConnection, {
    description:
      "Mastermind groups tagged with one of a community's interests (case and spacing ignored), newest first",
  })
  async taggedMastermindGroups(
    @IdArg('communityId') communityId: string,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<TaggedMastermindGroupObject>> {
    return mapNodes(await this.tagged.mastermindGroups(communityId, { size: first, after }), toGroupObject);
  }
}
