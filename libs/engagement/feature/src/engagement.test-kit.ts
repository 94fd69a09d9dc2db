import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  createEvent,
  MemberRegisteredV1,
  type CareerStage,
  type EventContract,
  type EventOf,
  type PayloadOf,
} from '@praxis/contracts';
import type { EventHandler } from '@praxis/platform/messaging';
import { PROJECTIONS_GROUP } from './projections';

/**
 * What engagement's integration tests feed the projections with: events as producers make them, applied the way
 * the consumer applies one message (the inbox row and the handler's effect in one transaction).
 */
export function projectionKit(dataSource: () => DataSource, handlers: () => EventHandler[]) {
  let sequence = 0;

  function event<C extends EventContract>(
    contract: C,
    aggregateId: string,
    payload: PayloadOf<C>,
    seq?: number,
  ): EventOf<C> {
    return createEvent(
      contract,
      { aggregateId, actorId: null, correlationId: randomUUID(), sequence: seq ?? ++sequence },
      payload,
    );
  }

  async function apply(
    message: EventOf<EventContract>,
    groupId = PROJECTIONS_GROUP,
    using: EventHandler[] = handlers(),
  ): Promise<void> {
    const handler = using.find(
      (candidate) => candidate.contract.topic === `${message.type}.v${message.version}`,
    );
    if (!handler) throw new Error(`no handler for ${message.type}`);
    await dataSource().transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (consumer_group, event_id, topic) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
        [groupId, message.eventId, handler.contract.topic],
      );
      if (inserted.length > 0) await handler.handle(message, manager, { groupId });
    });
  }

  function register(memberId: string, institutionId: string, careerStage: CareerStage, at: string) {
    return apply(
      event(MemberRegisteredV1, memberId, {
        memberId,
        displayName: 'Member',
        careerStage,
        institutionId,
        specialty: null,
        interests: [],
        registeredAt: at,
      }),
    );
  }

  return { event, apply, register };
}
