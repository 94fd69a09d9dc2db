import type { CompetitionEntity, ProposalEntity, TeamInvitationEntity } from '@praxis/proposals/data-access';
import { requestLoader, type Connection, type PageRequest } from '@praxis/platform/graphql';
import type { CompetitionsService } from './competitions.service';
import type { HandAssignmentCheck, JudgingService } from './judging.service';
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

/**
 * One page of each proposal's invitations (the same `first` and `after` for every proposal of a page, so one
 * loader per page asked for): the pages of every proposal of the operation come from one query.
 */
export function invitationPageLoader(proposals: ProposalsService, request: object, page: PageRequest) {
  return requestLoader<{ proposalId: string; page: Connection<TeamInvitationEntity> }>(
    request,
    `proposals.invitations:${page.size}:${page.after ?? ''}`,
    async (ids) =>
      [...(await proposals.invitationPages(ids, page))].map(([proposalId, invitations]) => ({
        proposalId,
        page: invitations,
      })),
    (loaded) => loaded.proposalId,
  );
}

/**
 * Whether each judge of a page may be given one entry by hand (one loader per entry): the checks of every judge
 * of the page come from one batch of queries, however many judges it holds.
 */
export function handAssignmentLoader(judging: JudgingService, request: object, proposalId: string) {
  return requestLoader<HandAssignmentCheck>(
    request,
    `proposals.handAssignment:${proposalId}`,
    (judgeIds) => judging.handAssignmentChecks(proposalId, judgeIds),
    (check) => check.judgeId,
  );
}
