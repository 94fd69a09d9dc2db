/**
 * What every service's configuration requires, as `minimalServiceEnv` fills it in (a type, not an interface, so it
 * passes where an environment record is wanted).
 */
export type MinimalServiceEnv = {
  DATABASE_URL: string;
  KAFKA_BROKERS: string;
  AUTH_JWKS: string;
  EVENT_VERIFICATION_KEYS: string;
};

/**
 * The least environment a service's configuration accepts (for config tests that load it without starting
 * anything): a database URL naming `database`, a broker, an empty key set for tokens and a well-formed public key
 * for membership's signed events. A service that requires more spreads its own variables over it.
 */
export function minimalServiceEnv(database = 'praxis_test'): MinimalServiceEnv {
  return {
    DATABASE_URL: `postgres://praxis:praxis@127.0.0.1:5432/${database}`,
    KAFKA_BROKERS: '127.0.0.1:9092',
    AUTH_JWKS: JSON.stringify({ keys: [] }),
    EVENT_VERIFICATION_KEYS: JSON.stringify({
      keys: [{ kty: 'EC', crv: 'P-256', x: 'eA', y: 'eQ', kid: 'membership-events' }],
    }),
  };
}
