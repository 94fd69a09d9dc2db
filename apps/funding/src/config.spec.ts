import { ConfigError } from '@praxis/platform/config';
import { loadFundingConfig } from './config';
import { minimalServiceEnv } from '@praxis/platform/testing';

const BASE = minimalServiceEnv('praxis_funding');

describe('funding configuration', () => {
  it('listens on its registered port by default', () => {
    expect(loadFundingConfig(BASE).PORT).toBe(3004);
  });

  it("refuses to start a member replica without membership's public event keys", () => {
    const { EVENT_VERIFICATION_KEYS: _keys, ...withoutKeys } = BASE;
    expect(() => loadFundingConfig(withoutKeys)).toThrow(/EVENT_VERIFICATION_KEYS/);
  });

  it('reports a bad variable by name at boot', () => {
    expect(() => loadFundingConfig({ ...BASE, PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadFundingConfig({ ...BASE, PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('reads the default currency and the at-risk rule, validated at boot', () => {
    expect(loadFundingConfig(BASE).funding).toMatchObject({
      defaultCurrency: 'GBP',
      erosion: { thresholdPercent: 50, consecutiveWeeks: 3 },
    });
    const custom = loadFundingConfig({
      ...BASE,
      FUNDING_DEFAULT_CURRENCY: 'eur',
      FUNDING_AT_RISK_THRESHOLD_PERCENT: '60',
      FUNDING_AT_RISK_CONSECUTIVE_WEEKS: '4',
    }).funding;
    expect(custom).toMatchObject({
      defaultCurrency: 'EUR',
      erosion: { thresholdPercent: 60, consecutiveWeeks: 4 },
    });
    expect(() => loadFundingConfig({ ...BASE, FUNDING_DEFAULT_CURRENCY: 'XXX' })).toThrow(
      /FUNDING_DEFAULT_CURRENCY/,
    );
    expect(() => loadFundingConfig({ ...BASE, FUNDING_AT_RISK_THRESHOLD_PERCENT: '0' })).toThrow(
      /FUNDING_AT_RISK_THRESHOLD_PERCENT/,
    );
  });

  it('runs on the system clock unless a non-production setting allows the test clock, which production refuses', () => {
    const plain = loadFundingConfig(BASE).funding;
    expect(plain.testClock).toBeNull();
    expect(Math.abs(plain.clock.now().getTime() - Date.now())).toBeLessThan(1000);

    const testing = loadFundingConfig({ ...BASE, FUNDING_TEST_CLOCK: 'true' }).funding;
    expect(testing.testClock).not.toBeNull();
    testing.testClock?.set(new Date('2026-03-02T06:00:30Z'));
    // one clock: what /testing/clock sets is what the services and the scheduler read
    expect(testing.clock.now().toISOString().slice(0, 16)).toBe('2026-03-02T06:00');

    expect(() => loadFundingConfig({ ...BASE, NODE_ENV: 'production', FUNDING_TEST_CLOCK: 'true' })).toThrow(
      /FUNDING_TEST_CLOCK: must not be true in production/,
    );
    expect(loadFundingConfig({ ...BASE, NODE_ENV: 'production' }).funding.testClock).toBeNull();
    expect(() => loadFundingConfig({ ...BASE, FUNDING_TEST_CLOCK: 'sometimes' })).toThrow(
      /FUNDING_TEST_CLOCK/,
    );
  });
});
