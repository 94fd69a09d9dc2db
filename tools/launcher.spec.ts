import { DEFAULT_READY_TIMEOUT_MS, parseReadyTimeoutMs } from './launcher';

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
