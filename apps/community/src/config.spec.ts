import { ConfigError } from '@praxis/platform/config';
import { loadCommunityConfig } from './config';
import { minimalServiceEnv } from '@praxis/platform/testing';

const BASE = {
  ...minimalServiceEnv('praxis_community'),
  COMMUNITY_REFLECTION_SECRET: Buffer.alloc(32, 7).toString('base64'),
};

describe('community configuration', () => {
  it('listens on its registered port by default', () => {
    expect(loadCommunityConfig(BASE).PORT).toBe(3005);
  });

  it("refuses to start a member replica without membership's public event keys", () => {
    const { EVENT_VERIFICATION_KEYS: _keys, ...withoutKeys } = BASE;
    expect(() => loadCommunityConfig(withoutKeys)).toThrow(/EVENT_VERIFICATION_KEYS/);
  });

  it('reports a bad variable by name at boot', () => {
    expect(() => loadCommunityConfig({ ...BASE, PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadCommunityConfig({ ...BASE, PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('needs a reflection secret of at least 32 bytes, and defaults the offer deadline to 72 hours', () => {
    const config = loadCommunityConfig(BASE);
    expect(config.community.confirmationHours).toBe(72);
    expect(config.community.reflectionSecret.byteLength).toBe(32);
    const { COMMUNITY_REFLECTION_SECRET: _secret, ...withoutSecret } = BASE;
    expect(() => loadCommunityConfig({ ...withoutSecret, NODE_ENV: 'production' })).toThrow(
      /COMMUNITY_REFLECTION_SECRET/,
    );
    expect(loadCommunityConfig(withoutSecret).community.reflectionSecretEphemeral).toBe(true);
    expect(() =>
      loadCommunityConfig({ ...BASE, COMMUNITY_REFLECTION_SECRET: Buffer.alloc(16).toString('base64') }),
    ).toThrow(/COMMUNITY_REFLECTION_SECRET/);
    expect(() => loadCommunityConfig({ ...BASE, COMMUNITY_CONFIRMATION_HOURS: '0' })).toThrow(
      /COMMUNITY_CONFIRMATION_HOURS/,
    );
  });

  it('runs on the system clock unless a non-production setting allows the test clock, which production refuses', () => {
    const plain = loadCommunityConfig(BASE).community;
    expect(plain.testClock).toBeNull();
    expect(Math.abs(plain.clock.now().getTime() - Date.now())).toBeLessThan(1000);

    const testing = loadCommunityConfig({ ...BASE, COMMUNITY_TEST_CLOCK: 'true' }).community;
    expect(testing.testClock).not.toBeNull();
    testing.testClock?.set(new Date('2026-03-04T13:00:00Z'));
    // one clock: what the test clock is set to is what the services read
    expect(testing.clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-04T13:00:00Z'));
    expect(testing.clock.now().getTime()).toBeLessThan(Date.parse('2026-03-04T13:00:05Z'));

    expect(() =>
      loadCommunityConfig({ ...BASE, NODE_ENV: 'production', COMMUNITY_TEST_CLOCK: 'true' }),
    ).toThrow(/COMMUNITY_TEST_CLOCK: must not be true in production/);
    expect(loadCommunityConfig({ ...BASE, NODE_ENV: 'production' }).community.testClock).toBeNull();
    expect(() => loadCommunityConfig({ ...BASE, COMMUNITY_TEST_CLOCK: 'sometimes' })).toThrow(
      /COMMUNITY_TEST_CLOCK/,
    );
  });
});
