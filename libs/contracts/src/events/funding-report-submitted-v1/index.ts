import { z } from 'zod';
import { defineEvent } from '../../envelope';
import { institutionIdSchema, isoDaySchema, memberIdSchema } from '../../vocabulary';

/** A progress or final report was submitted; its text stays in funding. */
export const ReportSubmittedV1 = defineEvent({
  service: 'funding',
  entity: 'report',
  happened: 'submitted',
  version: 1,
  // no service consumes it yet, so none is granted its topic (add the consumer with its projection)
  consumers: [],
  payload: z.object({
    reportId: z.uuid(),
    awardId: z.uuid(),
    principalInvestigatorId: memberIdSchema,
    institutionId: institutionIdSchema.nullable(),
    kind: z.enum(['PROGRESS', 'FINAL']),
    dueOn: isoDaySchema,
    /** 0 when on time. */
    daysLate: z.number().int().nonnegative(),
    submittedAt: z.iso.datetime({ offset: true }),
  }),
});
