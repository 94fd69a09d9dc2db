import { ConfigError } from '@praxis/platform/config';
import { loadMentorshipConfig } from './config';
import { minimalServiceEnv } from '@praxis/platform/testing';

const BASE = minimalServiceEnv('praxis_mentorship');

describe('mentorship configuration', () => {
  it('defaults every match weight to the documented defaults', () => {
    const config = loadMentorshipConfig(BASE);
    expect(config.PORT).toBe(3003);
    expect(config.mentorship.weights).toEqual({
      sharedExpertise: 8,
      sharedInterest: 4,
      maxSharedTerms: 5,
      sameSpecialty: 10,
      stageGap: 12,
      preferredStage: 6,
      remainingCapacity: 4,
      otherInstitution: 5,
    });
  });

  it('takes weights from the environment and refuses out-of-range ones at boot, naming the variable', () => {
    expect(
      loadMentorshipConfig({ ...BASE, MATCH_WEIGHT_SAME_SPECIALTY: '20' }).mentorship.weights.sameSpecialty,
    ).toBe(20);
    expect(() => loadMentorshipConfig({ ...BASE, MATCH_WEIGHT_STAGE_GAP: '5000' })).toThrow(ConfigError);
    expect(() => loadMentorshipConfig({ ...BASE, MATCH_WEIGHT_STAGE_GAP: '5000' })).toThrow(
      /MATCH_WEIGHT_STAGE_GAP/,
    );
    expect(() => loadMentorshipConfig({ ...BASE, MATCH_WEIGHT_SHARED_INTEREST: 'lots' })).toThrow(
      ConfigError,
    );
  });

  it("refuses to start a member replica without membership's public event keys, or with a private key", () => {
    const { EVENT_VERIFICATION_KEYS: _keys, ...withoutKeys } = BASE;
    expect(() => loadMentorshipConfig(withoutKeys)).toThrow(/EVENT_VERIFICATION_KEYS/);
    const privateKey = { kty: 'EC', crv: 'P-256', x: 'eA', y: 'eQ', d: 'ZA', kid: 'k' };
    expect(() =>
      loadMentorshipConfig({ ...BASE, EVENT_VERIFICATION_KEYS: JSON.stringify({ keys: [privateKey] }) }),
    ).toThrow(/EVENT_VERIFICATION_KEYS/);
  });

  it('takes Kafka SASL credentials as a set of three, validated at boot', () => {
    const sasl = {
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'mentorship',
      KAFKA_SASL_PASSWORD: 'a long enough password',
    };
    expect(loadMentorshipConfig({ ...BASE, ...sasl })).toMatchObject(sasl);
    expect(() => loadMentorshipConfig({ ...BASE, KAFKA_SASL_USERNAME: 'mentorship' })).toThrow(
      /set all three to authenticate, or none/,
    );
    expect(() => loadMentorshipConfig({ ...BASE, ...sasl, KAFKA_SASL_MECHANISM: 'plain' })).toThrow(
      /KAFKA_SASL_MECHANISM/,
    );
    expect(() => loadMentorshipConfig({ ...BASE, ...sasl, KAFKA_SASL_PASSWORD: 'short' })).toThrow(
      /KAFKA_SASL_PASSWORD/,
    );
  });
});
