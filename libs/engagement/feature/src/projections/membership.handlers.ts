import type { EntityManager } from 'typeorm';
import type { JWK } from 'jose';
import {
  demographicAnswersSchema,
  describeIssues,
  MemberDemographicsRecordedV2,
  MemberProfileUpdatedV1,
  MemberRegisteredV1,
  type CareerStage,
  type DemographicAnswers,
  type EventEnvelope,
} from '@praxis/contracts';
import {
  applicableInOrder,
  decryptPayload,
  errorMessage,
  handleInBatches,
  NonRetriableError,
  type EventHandler,
  type HandlerContext,
} from '@praxis/platform/messaging';
import { writeRows } from './rows';

interface ProfileSnapshot {
  memberId: string;
  careerStage: CareerStage;
  institutionId: string;
}

/**
 * The newest profile (by membership's sequence) decides the member's institution and career stage: of the events
 * given, in order, those newer than what the stream had applied are written, each over the one before.
 */
async function applyProfiles(
  manager: EntityManager,
  context: HandlerContext,
  events: ReadonlyArray<EventEnvelope<ProfileSnapshot>>,
): Promise<void> {
  const applies = await applicableInOrder(
    manager,
    context,
    events.map((event) => ({ event, stream: 'profile' })),
  );
  await writeRows(
    manager,
    `INSERT INTO engagement_member (member_id, institution_id, career_stage)
     SELECT r.member_id, r.institution_id, r.career_stage
       FROM jsonb_to_recordset($1::jsonb) AS r(member_id uuid, institution_id uuid, career_stage text)
     ON CONFLICT (member_id) DO UPDATE SET institution_id = EXCLUDED.institution_id,
       career_stage = EXCLUDED.career_stage, updated_at = now()`,
    events
      .filter((_, index) => applies[index])
      .map(({ payload }) => ({
        member_id: payload.memberId,
        institution_id: payload.institutionId,
        career_stage: payload.careerStage,
      })),
    (row) => row.member_id,
  );
}

/**
 * Membership's member events: who is a member, where, at which stage, and since when. Written for a run of
 * events at once (a replay's) as for one: the profile rows first, then the registration times, which touch
 * nothing the profile writes and only rows a profile event has made.
 */
export function membershipHandlers(): EventHandler[] {
  return [
    handleInBatches(MemberRegisteredV1, async (events, manager, context) => {
      await applyProfiles(manager, context, events);
      // the registration time holds whatever order the profile events came in
      await writeRows(
        manager,
        `UPDATE engagement_member AS m SET registered_at = r.registered_at
           FROM jsonb_to_recordset($1::jsonb) AS r(member_id uuid, registered_at timestamptz)
          WHERE m.member_id = r.member_id`,
        events.map(({ payload }) => ({ member_id: payload.memberId, registered_at: payload.registeredAt })),
        (row) => row.member_id,
      );
    }),
    handleInBatches(MemberProfileUpdatedV1, (events, manager, context) =>
      applyProfiles(manager, context, events),
    ),
  ];
}

/** One event's answers, decrypted and checked; what does not decrypt or breaks the contract is never retried. */
async function decryptedAnswers(privateKey: JWK, answersJwe: string): Promise<DemographicAnswers> {
  let decrypted: unknown;
  try {
    decrypted = await decryptPayload(privateKey, answersJwe);
  } catch (error) {
    throw new NonRetriableError(`demographics do not decrypt: ${errorMessage(error)}`, {}, 'undecryptable');
  }
  const answers = demographicAnswersSchema.safeParse(decrypted);
  if (!answers.success) {
    throw new NonRetriableError(
      `decrypted demographics break the contract: ${describeIssues(answers.error)}`,
      {},
      'contract-violation',
    );
  }
  return answers.data;
}

/**
 * The voluntary answers, decrypted with engagement's private key; the newest by membership's sequence stands. An
 * event that does not decrypt or whose content breaks the contract is dead-lettered (never retried: it will not
 * get better): in a run, its error fails the run's transaction, and the consumer applies the run again one event
 * at a time, so only that event is dead-lettered. A run is decrypted first, then its sequences decided together
 * (`applicableInOrder`) and the answers that apply written member by member in their order. A tombstone (the
 * member erased their answers) deletes them here too.
 */
export function demographicsHandler(privateKey: JWK): EventHandler {
  return {
    ...handleInBatches(MemberDemographicsRecordedV2, async (events, manager, context) => {
      const answers: DemographicAnswers[] = [];
      for (const event of events) answers.push(await decryptedAnswers(privateKey, event.payload.answers));
      const applies = await applicableInOrder(
        manager,
        context,
        events.map((event) => ({ event, stream: 'demographics' })),
      );
      await writeRows(
        manager,
        `INSERT INTO engagement_demographics
           (member_id, gender, ethnicity_group, disability, first_generation_higher_education)
         SELECT r.member_id, r.gender, r.ethnicity_group, r.disability, r.first_generation_higher_education
           FROM jsonb_to_recordset($1::jsonb) AS r(member_id uuid, gender text, ethnicity_group text,
             disability text, first_generation_higher_education text)
         ON CONFLICT (member_id) DO UPDATE SET gender = EXCLUDED.gender,
           ethnicity_group = EXCLUDED.ethnicity_group, disability = EXCLUDED.disability,
           first_generation_higher_education = EXCLUDED.first_generation_higher_education, updated_at = now()`,
        events.flatMap((event, index) => {
          const value = answers[index];
          return applies[index] && value
            ? [
                {
                  member_id: event.payload.memberId,
                  gender: value.gender,
                  ethnicity_group: value.ethnicityGroup,
                  disability: value.disability,
                  first_generation_higher_education: value.firstGenerationHigherEducation,
                },
              ]
            : [];
        }),
        (row) => row.member_id.toLowerCase(),
      );
    }),
    async erase(memberId, manager) {
      await manager.query(`DELETE FROM engagement_demographics WHERE member_id = $1`, [memberId]);
    },
  };
}
