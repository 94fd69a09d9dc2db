import { Injectable } from '@nestjs/common';
import { DataSource, type EntityTarget } from 'typeorm';
import { normaliseInterestTags } from '@praxis/contracts';
import {
  CommunityEntity,
  TaggedCompetitionEntity,
  TaggedMastermindGroupEntity,
} from '@praxis/community/data-access';
import { CommunityDomainError } from '@praxis/community/domain';
import { mapNodes, paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';

export interface Tagged<T> {
  listing: T;
  /** The community's interests (key form) among the listing's tags. */
  matchedInterests: string[];
}

/**
 * What a community lists from other services by interest: a competition or mastermind group appears when one of
 * its tags equals one of the community's interests, both in `interestTagKey` form (trimmed, spaces collapsed,
 * lower case). Only the public fields their owners published are kept here.
 */
@Injectable()
export class TaggedListingsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Competitions closing soonest first; cancelled ones are not listed. */
  competitions(communityId: string, page: PageRequest): Promise<Connection<Tagged<TaggedCompetitionEntity>>> {
    return this.listed(TaggedCompetitionEntity, communityId, page, ['closesAt', 'competitionId'], 'ASC', {
      where: "t.phase <> 'CANCELLED'",
    });
  }

  /** Groups newest first. */
  mastermindGroups(
    communityId: string,
    page: PageRequest,
  ): Promise<Connection<Tagged<TaggedMastermindGroupEntity>>> {
    return this.listed(TaggedMastermindGroupEntity, communityId, page, ['formedAt', 'groupId'], 'DESC');
  }

  /** One page of a replica's rows sharing a tag with the community's interests, in `keys` order. */
  private async listed<E extends { tags: string[] }>(
    entity: EntityTarget<E>,
    communityId: string,
    page: PageRequest,
    keys: ReadonlyArray<keyof E & string>,
    direction: 'ASC' | 'DESC',
    also: { where?: string } = {},
  ): Promise<Connection<Tagged<E>>> {
    const interests = await this.interestKeys(communityId);
    const query = this.dataSource.manager
      .getRepository(entity)
      .createQueryBuilder('t')
      .where('t.tags && :interests::text[]', { interests });
    if (also.where) query.andWhere(also.where);
    return mapNodes(await paginate(query, page, keys, direction), (listing) => matched(listing, interests));
  }

  private async interestKeys(communityId: string): Promise<string[]> {
    const community = await this.dataSource.manager.findOneBy(CommunityEntity, { id: communityId });
    if (!community) throw CommunityDomainError.notFound('community');
    return normaliseInterestTags(community.interests);
  }
}

function matched<T extends { tags: string[] }>(listing: T, interests: readonly string[]): Tagged<T> {
  return { listing, matchedInterests: listing.tags.filter((tag) => interests.includes(tag)) };
}
