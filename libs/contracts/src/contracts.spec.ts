import { z } from 'zod';
import { ALL_EVENTS, contractForTopic, dlqTopicFor } from './registry';
import { ContractViolation, createEvent, defineEvent, parseEvent } from './envelope';
import { MemberDemographicsRecordedV2 } from './events/membership-member-demographics-recorded-v2';
import { MemberRegisteredV1 } from './events/membership-member-registered-v1';
import { MemberProfileUpdatedV1 } from './events/membership-member-profile-updated-v1';
import { confirmationOf, interestTagKey, normaliseInterestTags } from './vocabulary';
import { CommunityReflectionSubmittedV1 } from './events/community-reflection-submitted-v1';

/** Every property name anywhere in a JSON schema (nested objects and array items included). */
function propertyNames(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(propertyNames);
  if (schema === null || typeof schema !== 'object') return [];
  const record = schema as Record<string, unknown>;
  const own =
    record.properties && typeof record.properties === 'object' ? Object.keys(record.properties) : [];
  return [...own, ...Object.values(record).flatMap(propertyNames)];
}

const meta = { aggregateId: '0b6f5f7e-1d7c-4d55-9a53-2f3f9b0c2a11', actorId: null, correlationId: 'corr-1' };
const payload = {
  memberId: '0b6f5f7e-1d7c-4d55-9a53-2f3f9b0c2a11',
  displayName: 'Ada',
  careerStage: 'RESIDENT' as const,
  institutionId: '5e0c1f9a-7c0d-4b8e-8f43-5b1c1a0f9e22',
  specialty: null,
  interests: ['medical education'],
  registeredAt: '2026-11-21T10:00:00.000Z',
};

describe('event contracts', () => {
  it('derive versioned topic names from service, entity and happening', () => {
    expect(MemberRegisteredV1.topic).toBe('membership.member.registered.v1');
    expect(MemberRegisteredV1.type).toBe('membership.member.registered');
    expect(dlqTopicFor(MemberRegisteredV1.topic)).toBe('membership.member.registered.v1.dlq');
    expect(() =>
      defineEvent({ service: 'Bad Name', entity: 'x', happened: 'y', version: 1, payload: z.object({}) }),
    ).toThrow(/kebab-case/);
    expect(() =>
      defineEvent({ service: 'a', entity: 'x', happened: 'y', version: 0, payload: z.object({}) }),
    ).toThrow(/positive integer/);
  });

  it('are all registered once, named by the convention', () => {
    const topics = ALL_EVENTS.map((contract) => contract.topic);
    expect(new Set(topics).size).toBe(topics.length);
    for (const contract of ALL_EVENTS) {
      expect(contract.topic).toMatch(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v\d+$/);
      expect(contractForTopic(contract.topic)).toBe(contract);
    }
  });

  it('build a complete envelope with a fresh id and the aggregate as key', () => {
    const event = createEvent(MemberRegisteredV1, meta, payload);
    expect(event).toMatchObject({
      type: 'membership.member.registered',
      version: 1,
      aggregateId: meta.aggregateId,
      correlationId: 'corr-1',
      causationId: null,
      payload,
    });
    expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
    expect(createEvent(MemberRegisteredV1, meta, payload).eventId).not.toBe(event.eventId);
  });

  it('refuse to build an event that breaks its contract, naming the field', () => {
    expect(() =>
      createEvent(MemberRegisteredV1, meta, { ...payload, careerStage: 'WIZARD' as never }),
    ).toThrow(ContractViolation);
    expect(() =>
      createEvent(MemberRegisteredV1, meta, { ...payload, careerStage: 'WIZARD' as never }),
    ).toThrow(/careerStage/);
  });

  it('parse a valid message and reject envelope, type and payload problems with the reason', () => {
    const event = createEvent(MemberRegisteredV1, meta, payload);
    expect(parseEvent(MemberRegisteredV1, JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, event });
    expect(parseEvent(MemberRegisteredV1, { ...event, eventId: 'nope' })).toEqual({
      ok: false,
      reason: expect.stringMatching(/^envelope: eventId/),
    });
    expect(parseEvent(MemberRegisteredV1, { ...event, version: 2 })).toEqual({
      ok: false,
      reason: expect.stringMatching(/expected membership.member.registered v1/),
    });
    expect(parseEvent(MemberRegisteredV1, { ...event, payload: { ...payload, interests: 'x' } })).toEqual({
      ok: false,
      reason: expect.stringMatching(/^payload: interests/),
    });
    expect(parseEvent(MemberRegisteredV1, null)).toMatchObject({ ok: false });
  });

  it('carry the per-aggregate sequence when given, and still read events produced without one', () => {
    const event = createEvent(MemberRegisteredV1, { ...meta, sequence: 3 }, payload);
    expect(event.sequence).toBe(3);
    expect(parseEvent(MemberRegisteredV1, JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, event });
    const { sequence: _absent, ...legacy } = event;
    expect(parseEvent(MemberRegisteredV1, legacy)).toEqual({ ok: true, event: legacy });
    expect(parseEvent(MemberRegisteredV1, { ...event, sequence: 0 })).toEqual({
      ok: false,
      reason: expect.stringMatching(/^envelope: sequence/),
    });
  });

  it('carry whether institution and career stage are confirmed, added to v1 compatibly', () => {
    const unconfirmed = { ...payload, institutionConfirmed: false, careerStageConfirmed: false };
    const event = createEvent(MemberRegisteredV1, meta, unconfirmed);
    expect(confirmationOf(event.payload)).toEqual({
      institutionConfirmed: false,
      careerStageConfirmed: false,
    });
    // an event produced before the fields existed still parses, and counts as confirmed (the old rule)
    const legacy = createEvent(MemberRegisteredV1, meta, payload);
    const parsed = parseEvent(MemberRegisteredV1, JSON.parse(JSON.stringify(legacy)));
    expect(parsed.ok && confirmationOf(parsed.event.payload)).toEqual({
      institutionConfirmed: true,
      careerStageConfirmed: true,
    });
    // a consumer still on the old schema reads the new event and ignores the fields
    const oldSchema = (MemberRegisteredV1.payload as z.ZodObject).omit({
      institutionConfirmed: true,
      careerStageConfirmed: true,
    });
    expect(oldSchema.safeParse(unconfirmed)).toEqual({ success: true, data: payload });
    expect(
      parseEvent(MemberProfileUpdatedV1, {
        ...createEvent(MemberProfileUpdatedV1, meta, {
          ...unconfirmed,
          changedFields: ['institutionConfirmed', 'careerStageConfirmed'],
        }),
        payload: { ...unconfirmed, changedFields: [], institutionConfirmed: 'yes' },
      }),
    ).toEqual({ ok: false, reason: expect.stringMatching(/^payload: institutionConfirmed/) });
  });

  it('give interest tags one key form: trimmed, spaces collapsed, lower case, each once', () => {
    expect(interestTagKey('  Digital \t Health ')).toBe('digital health');
    expect(
      normaliseInterestTags(['Assessment', ' ', 'assessment', 'Digital  health', 'digital health']),
    ).toEqual(['assessment', 'digital health']);
  });

  it('keep personal data off the public member events', () => {
    const keys = Object.keys((MemberRegisteredV1.payload as z.ZodObject).shape);
    expect(keys).not.toEqual(expect.arrayContaining(['email']));
    const sensitive = ALL_EVENTS.filter((contract) => contract.sensitive).map((contract) => contract.topic);
    expect(sensitive).toEqual(['membership.member.demographics-recorded.v2']);
  });

  it('carry demographic answers only encrypted, on a compacted topic keyed by member', () => {
    const keys = Object.keys((MemberDemographicsRecordedV2.payload as z.ZodObject).shape);
    expect(keys.sort()).toEqual(['answers', 'memberId']);
    const clear = { memberId: '7d8e3c1a-2b4f-4c6d-8e9f-0a1b2c3d4e5f', answers: 'WOMAN' };
    expect(MemberDemographicsRecordedV2.payload.safeParse(clear).success).toBe(false);
    expect(MemberDemographicsRecordedV2.compacted).toBe(true);
    expect(MemberDemographicsRecordedV2.topicConfig['cleanup.policy']).toBe('compact');
    // only rights-conferring events must be signed
    expect(ALL_EVENTS.filter((contract) => contract.confersRights).map((contract) => contract.topic)).toEqual(
      ['membership.member.role-granted.v1', 'membership.member.role-revoked.v1'],
    );
  });

  it('keep widening-participation answers, motivations and reflection authors off the community events', () => {
    const community = ALL_EVENTS.filter((contract) => contract.producer === 'community');
    expect(community.map((contract) => contract.topic).sort()).toEqual([
      'community.application.decided.v1',
      'community.application.submitted.v1',
      'community.attendance.recorded.v1',
      'community.certificate.issued.v1',
      'community.community.created.v1',
      'community.member.joined.v1',
      'community.member.left.v1',
      'community.programme.created.v1',
      'community.reflection.submitted.v1',
    ]);
    const forbidden =
      /widening|priority|motivation|answer|freeSchool|careExperience|disability|ethnic|joiningLink|code/i;
    for (const contract of community) {
      const keys = propertyNames(z.toJSONSchema(contract.payload));
      expect({ topic: contract.topic, leaks: keys.some((key) => forbidden.test(key)) }).toEqual({
        topic: contract.topic,
        leaks: false,
      });
      expect(contract.sensitive).toBe(false);
    }
    const reflectionKeys = Object.keys((CommunityReflectionSubmittedV1.payload as z.ZodObject).shape);
    expect(reflectionKeys.sort()).toEqual(['programmeId', 'submittedOn']);
  });
});
