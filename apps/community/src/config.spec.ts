import { ConfigError } from '@praxis/platform/config';
import { loadCommunityConfig } from './config';

const BASE = {
  DATABASE_URL: 'postgres://praxis:praxis@127.0.0.1:5432/praxis_community',
  KAFKA_BROKERS: '127.0.0.1:9092',
  AUTH_JWKS: JSON.stringify({ keys: [] }),
  EVENT_VERIFICATION_KEYS: JSON.stringify({
    keys: [{ kty: 'EC', crv: 'P-256', x: 'eA', y: 'eQ', kid: 'membership-events' }],
  }),
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
});
