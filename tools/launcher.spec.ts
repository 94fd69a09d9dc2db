import { MOCK_KAFKA_ENV } from '@praxis/platform/local-infra';
import { DEFAULT_READY_TIMEOUT_MS, parseReadyTimeoutMs, withBrokerDefaults } from './launcher';

describe('launcher readiness timeout (PRAXIS_READY_TIMEOUT_MS)', () => {
  it('waits 120 s for each process when the variable is unset or blank', () => {
    expect(DEFAULT_READY_TIMEOUT_MS).toBe(120000);
    expect(parseReadyTimeoutMs(undefined)).toBe(120000);
    expect(parseReadyTimeoutMs('  ')).toBe(120000);
  });

  it('takes a whole number of milliseconds from the environment', () => {
    expect(parseReadyTimeoutMs('300000')).toBe(300000);
    expect(parseReadyTimeoutMs('1000')).toBe(1000);
    expect(parseReadyTimeoutMs('3600000')).toBe(3600000);
  });

  it('refuses anything else, naming the variable and the rule', () => {
    for (const bad of ['five minutes', '300s', '1.5', '999', '0', '-1', '3600001'])
      expect(() => parseReadyTimeoutMs(bad)).toThrow(
        `PRAXIS_READY_TIMEOUT_MS must be an integer number of milliseconds from 1000 to 3600000 (got "${bad}")`,
      );
  });
});

describe('launcher broker timings', () => {
  it("gives services the mock's timings where the caller set none", () => {
    const env = withBrokerDefaults({ LOG_LEVEL: 'info' }, true);
    expect(env).toEqual({ ...MOCK_KAFKA_ENV, LOG_LEVEL: 'info' });
  });

  it('lets a variable the caller set win over the mock default', () => {
    const env = withBrokerDefaults({ KAFKA_MAX_WAIT_MS: '100' }, true);
    expect(env.KAFKA_MAX_WAIT_MS).toBe('100');
    expect(env.KAFKA_SESSION_TIMEOUT_MS).toBe(MOCK_KAFKA_ENV.KAFKA_SESSION_TIMEOUT_MS);
  });

  it('adds nothing on a real broker, whose services keep their own defaults', () => {
    expect(withBrokerDefaults({ LOG_LEVEL: 'info' }, false)).toEqual({ LOG_LEVEL: 'info' });
  });
});
