import { z } from 'zod';
import { defineEvent } from '../../envelope';

/** A proposal left its competition. No identities: the proposal id is enough for every consumer. */
export const ProposalWithdrawnV1 = defineEvent({
  service: 'proposals',
  entity: 'proposal',
  happened: 'withdrawn',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    proposalId: z.uuid(),
    competitionId: z.uuid(),
    /** Whether the proposal had been submitted (an entry) or was still a draft. */
    wasSubmitted: z.boolean(),
    withdrawnAt: z.iso.datetime({ offset: true }),
  }),
});
