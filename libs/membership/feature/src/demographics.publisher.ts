import type { EntityManager } from 'typeorm';
import { MemberDemographicsRecordedV2, type DemographicAnswers } from '@praxis/contracts';
import { appendTombstone, appendToOutbox, type PayloadEncrypter } from '@praxis/platform/messaging';

/**
 * Puts members' demographic answers on their compacted topic, encrypted for the one reporting service; with no
 * recipient key configured nothing demographic is published at all (the answers stay with membership).
 */
export class DemographicsPublisher {
  constructor(private readonly encrypter: PayloadEncrypter | null) {}

  get publishing(): boolean {
    return this.encrypter !== null;
  }

  async recorded(manager: EntityManager, memberId: string, answers: DemographicAnswers): Promise<void> {
    if (!this.encrypter) return;
    await appendToOutbox(manager, MemberDemographicsRecordedV2, memberId, {
      memberId,
      answers: await this.encrypter.encrypt(answers),
    });
  }

  /** A tombstone, also when publishing is off now: answers may have been published while it was on. */
  async erased(manager: EntityManager, memberId: string): Promise<void> {
    await appendTombstone(manager, MemberDemographicsRecordedV2, memberId);
  }
}
