import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { institutionIdSchema, memberIdSchema } from '../../vocabulary';

/**
 * A proposal version was frozen by submission (version 1 is the first submission, later ones are edits before
 * the deadline). In a blind competition the team is not published (`team` is null) and the envelope carries no
 * actor, so nothing identifying travels next to the judging.
 */
export const ProposalSubmittedV1 = defineEvent({
  service: 'proposals',
  entity: 'proposal',
  happened: 'submitted',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    proposalId: z.uuid(),
    competitionId: z.uuid(),
    version: z.number().int().positive(),
    title: z.string().min(1),
    keywords: z.array(z.string()),
    requestedFunding: z.number().nonnegative(),
    requestedHours: z.number().nonnegative(),
    submittedAt: z.iso.datetime({ offset: true }),
    blind: z.boolean(),
    team: z
      .object({
        leadApplicantId: memberIdSchema,
        memberIds: z.array(memberIdSchema).min(1),
        institutionIds: z.array(institutionIdSchema),
      })
      .nullable(),
  }),
});
