import { ConfigError } from '@praxis/platform/config';
import { loadEngagementConfig } from './config';
import { minimalServiceEnv } from '@praxis/platform/testing';

const BASE = minimalServiceEnv('praxis_engagement');

describe('engagement configuration', () => {
  it('listens on its registered port by default', () => {
    expect(loadEngagementConfig(BASE).PORT).toBe(3006);
  });

  it("refuses to start a member replica without membership's public event keys", () => {
    const { EVENT_VERIFICATION_KEYS: _keys, ...withoutKeys } = BASE;
    expect(() => loadEngagementConfig(withoutKeys)).toThrow(/EVENT_VERIFICATION_KEYS/);
  });

  it('reports a bad variable by name at boot', () => {
    expect(() => loadEngagementConfig({ ...BASE, PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadEngagementConfig({ ...BASE, PORT: 'eighty' })).toThrow(/PORT/);
  });
});

describe('engagement configuration of suppression and demographics', () => {
  it('suppresses below 5 by default and refuses a threshold that protects nothing', () => {
    expect(loadEngagementConfig(BASE).engagement.suppressionThreshold).toBe(5);
    expect(() => loadEngagementConfig({ ...BASE, ENGAGEMENT_SUPPRESSION_THRESHOLD: '2' })).toThrow(
      /ENGAGEMENT_SUPPRESSION_THRESHOLD/,
    );
  });

  it('takes the demographics private key as a JWK and refuses a public one', () => {
    const key = { kty: 'EC', crv: 'P-256', x: 'eA', y: 'eQ', d: 'ZA' };
    expect(
      loadEngagementConfig({ ...BASE, DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY: JSON.stringify(key) }).engagement
        .demographicsKey,
    ).toMatchObject({ d: 'ZA' });
    const { d: _d, ...publicKey } = key;
    expect(() =>
      loadEngagementConfig({ ...BASE, DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY: JSON.stringify(publicKey) }),
    ).toThrow(/DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY/);
  });
});
