import { z } from 'zod';
import { defineEvent } from '../../envelope';
import {
  budgetCategorySchema,
  institutionIdSchema,
  isoDaySchema,
  memberIdSchema,
  moneySchema,
  spendKindSchema,
} from '../../vocabulary';

/**
 * An entry appended to an award's spend ledger (a reversal is an entry too, with a negative amount and
 * `reversesEntryId`). Description, supplier reference and override reason stay in funding: they can name people.
 */
export const SpendRecordedV1 = defineEvent({
  service: 'funding',
  entity: 'spend',
  happened: 'recorded',
  version: 1,
  consumers: ['engagement'],
  payload: z.object({
    entryId: z.uuid(),
    awardId: z.uuid(),
    fundId: z.uuid().nullable(),
    principalInvestigatorId: memberIdSchema,
    institutionId: institutionIdSchema.nullable(),
    category: budgetCategorySchema,
    kind: spendKindSchema,
    amount: moneySchema,
    spentOn: isoDaySchema,
    reversesEntryId: z.uuid().nullable(),
    /** An admin took the line past its budget with a recorded reason. */
    overridden: z.boolean(),
    recordedAt: z.iso.datetime({ offset: true }),
  }),
});
