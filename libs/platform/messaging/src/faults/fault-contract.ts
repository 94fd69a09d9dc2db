import { z } from 'zod';
import { defineEvent, registerEvents } from '@praxis/contracts';

/** A contract on a topic of the test's own (`service` is unique per run), shared by a test and its children. */
export function faultContract(service: string) {
  const contract = defineEvent({
    service,
    entity: 'counter',
    happened: 'added',
    version: 1,
    payload: z.object({ n: z.number().int() }),
  });
  registerEvents(contract);
  return contract;
}
