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
});
