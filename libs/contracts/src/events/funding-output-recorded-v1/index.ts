import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { institutionIdSchema, memberIdSchema, outputKindSchema } from '../../vocabulary';

/** A research output linked to an award (public by nature: a DOI or a link). */
export const OutputRecordedV1 = defineEvent({
  service: 'funding',
  entity: 'output',
  happened: 'recorded',
  version: 1,
  // no service consumes it yet, so none is granted its topic (add the consumer with its projection)
  consumers: [],
  payload: z.object({
    outputId: z.uuid(),
    awardId: z.uuid(),
    principalInvestigatorId: memberIdSchema,
    institutionId: institutionIdSchema.nullable(),
    kind: outputKindSchema,
    doi: z.string().nullable(),
    url: z.url(),
    recordedBy: memberIdSchema,
    recordedAt: z.iso.datetime({ offset: true }),
  }),
});
