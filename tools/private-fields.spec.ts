import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isInputObjectType, isObjectType, type GraphQLNamedType } from 'graphql';
import { z } from 'zod';
import { ALL_EVENTS, type EventContract } from '@praxis/contracts';

/**
 * Private data never travels on an event. "Private" is declared once, in the schema clients see: a field (or a
 * whole type) whose description starts with "Private". Every field so marked in the committed supergraph, plus
 * what is private by nature, must be absent from every contract's payload, so a field made private in GraphQL
 * but still published (as `specialty` once was) fails here, whichever service and event it is.
 */
const PRIVATE_BY_NATURE = [
  'password',
  'passwordHash',
  'email',
  // demographic answers travel only encrypted, inside the `answers` JWE
  'gender',
  'ethnicityGroup',
  'disability',
  'firstGenerationHigherEducation',
];

/** GraphQL names of a private field under which its value would appear on an event. */
const EVENT_NAMES_OF: Record<string, string[]> = {
  joinedAt: ['registeredAt'],
  requestMessage: ['message'],
  responseMessage: ['message'],
};

function isPrivate(description: string | null | undefined): boolean {
  return /^\s*private\b/i.test(description ?? '');
}

function privateGraphQLFields(): Map<string, string> {
  const sdl = readFileSync(join(__dirname, '..', 'infra', 'supergraph.graphql'), 'utf8');
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  const found = new Map<string, string>();
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInputObjectType(type))) continue;
    const wholeType = isPrivate(type.description);
    for (const field of Object.values(type.getFields())) {
      if (!wholeType && !isPrivate(field.description)) continue;
      for (const name of [field.name, ...(EVENT_NAMES_OF[field.name] ?? [])])
        found.set(name, `${type.name}.${field.name}`);
    }
  }
  return found;
}

/** Every property name anywhere in a payload schema (nested objects, arrays, unions, nullables). */
function payloadKeys(contract: EventContract): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object') {
      for (const key of Object.keys(record.properties)) keys.add(key);
    }
    for (const value of Object.values(record)) walk(value);
  };
  walk(z.toJSONSchema(contract.payload, { unrepresentable: 'any', io: 'input' }));
  return keys;
}

describe('private fields never travel on events', () => {
  const privateFields = privateGraphQLFields();

  it('finds the private fields the schema declares (the check is not vacuous)', () => {
    expect(privateFields.get('email')).toBe('Member.email');
    expect(privateFields.get('checkIns')).toBe('Relationship.checkIns');
    expect(privateFields.get('gender')).toBe('Demographics.gender');
  });

  it('walks nested payloads', () => {
    const contract = ALL_EVENTS.find((event) => event.type === 'membership.member.registered');
    if (!contract) throw new Error('membership.member.registered is not registered');
    expect([...payloadKeys(contract)]).toEqual(expect.arrayContaining(['memberId', 'interests']));
  });

  it.each(ALL_EVENTS.map((contract) => [contract.topic, contract] as const))(
    '%s carries no private field',
    (_topic, contract) => {
      const leaks = [...payloadKeys(contract)]
        .filter((key) => privateFields.has(key) || PRIVATE_BY_NATURE.includes(key))
        .map((key) => `${key} (${privateFields.get(key) ?? 'private by nature'})`);
      expect(leaks).toEqual([]);
    },
  );
});
