import type { CompetitionEntity, ProposalEntity, TeamInvitationEntity } from '@praxis/proposals/data-access';
import { requestGroupLoader, requestLoader } from '@praxis/platform/graphql';
import type { CompetitionsService } from './competitions.service';
import type { ProposalsService } from './proposals.service';

/**
 * Request-scoped loaders for proposals' field and reference resolvers: every parent of a page, or every
 * representation of an `_entities` call, is loaded by one query per operation, never one per row.
 */
export function proposalLoader(proposals: ProposalsService, request: object) {
  return requestLoader<ProposalEntity>(
    request,
    'proposals.proposal',
    (ids) => proposals.entitiesByIds(ids),
    (proposal) => proposal.id,
  );
}

export function competitionLoader(competitions: CompetitionsService, request: object) {
  return requestLoader<CompetitionEntity>(
    request,
    'proposals.competition',
    (ids) => competitions.byIds(ids),
    (competition) => competition.id,
  );
}

export function invitationsLoader(proposals: ProposalsService, request: object) {
  return requestGroupLoader<TeamInvitationEntity>(
    request,
    'proposals.invitations',
    (proposalIds) => proposals.invitationsOfMany(proposalIds),
    (invitation) => invitation.proposalId,
  );
}
