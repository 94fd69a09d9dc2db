import type { EntityManager } from 'typeorm';
import type { JWK } from 'jose';
import {
  demographicAnswersSchema,
  describeIssues,
  MemberDemographicsRecordedV2,
  MemberProfileUpdatedV1,
  MemberRegisteredV1,
  type CareerStage,
  type EventEnvelope,
} from '@praxis/contracts';
import {
  applyIfNewer,
  decryptPayload,
  errorMessage,
  handle,
  NonRetriableError,
  type EventHandler,
  type HandlerContext,
} from '@praxis/platform/messaging';

interface ProfileSnapshot {
  memberId: string;
  careerStage: CareerStage;
  institutionId: string;
}

/** The newest profile (by membership's sequence) decides the member's institution and career stage. */
async function applyProfile(
  manager: EntityManager,
  context: HandlerContext,
  event: EventEnvelope<ProfileSnapshot>,
): Promise<void> {
  await applyIfNewer(manager, { context, event, stream: 'profile' }, async () => {
    await manager.query(
      `INSERT INTO engagement_member (member_id, institution_id, career_stage) VALUES ($1, $2, $3)
       ON CONFLICT (member_id) DO UPDATE SET institution_id = EXCLUDED.institution_id,
         career_stage = EXCLUDED.career_stage, updated_at = now()`,
      [event.payload.memberId, event.payload.institutionId, event.payload.careerStage],
    );
  });
}

/** Membership's member events: who is a member, where, at which stage, and since when. */
export function membershipHandlers(): EventHandler[] {
  return [
    handle(MemberRegisteredV1, async (event, manager, context) => {
      await applyProfile(manager, context, event);
      // the registration time holds whatever order the profile events came in
      await manager.query(`UPDATE engagement_member SET registered_at = $2 WHERE member_id = $1`, [
        event.payload.memberId,
        event.payload.registeredAt,
      ]);
    }),
    handle(MemberProfileUpdatedV1, (event, manager, context) => applyProfile(manager, context, event)),
  ];
}

/**
 * The voluntary answers, decrypted with engagement's private key. An event that does not decrypt or whose
 * content breaks the contract is dead-lettered (never retried: it will not get better). A tombstone (the member
 * erased their answers) deletes them here too.
 */
export function demographicsHandler(privateKey: JWK): EventHandler {
  return {
    ...handle(MemberDemographicsRecordedV2, async (event, manager, context) => {
      let decrypted: unknown;
      try {
        decrypted = await decryptPayload(privateKey, event.payload.answers);
      } catch (error) {
        throw new NonRetriableError(
          `demographics do not decrypt: ${errorMessage(error)}`,
          {},
          'undecryptable',
        );
      }
      const answers = demographicAnswersSchema.safeParse(decrypted);
      if (!answers.success) {
        throw new NonRetriableError(
          `decrypted demographics break the contract: ${describeIssues(answers.error)}`,
          {},
          'contract-violation',
        );
      }
      await applyIfNewer(manager, { context, event, stream: 'demographics' }, async () => {
        const value = answers.data;
        await manager.query(
          `INSERT INTO engagement_demographics
             (member_id, gender, ethnicity_group, disability, first_generation_higher_education)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (member_id) DO UPDATE SET gender = EXCLUDED.gender,
             ethnicity_group = EXCLUDED.ethnicity_group, disability = EXCLUDED.disability,
             first_generation_higher_education = EXCLUDED.first_generation_higher_education, updated_at = now()`,
          [
            event.payload.memberId,
            value.gender,
            value.ethnicityGroup,
            value.disability,
            value.firstGenerationHigherEducation,
          ],
        );
      });
    }),
    async erase(memberId, manager) {
      await manager.query(`DELETE FROM engagement_demographics WHERE member_id = $1`, [memberId]);
    },
  };
}
