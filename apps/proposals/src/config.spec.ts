import { ConfigError } from '@praxis/platform/config';
import { loadProposalsConfig } from './config';
import { minimalServiceEnv } from '@praxis/platform/testing';

const BASE = minimalServiceEnv('praxis_proposals');

describe('proposals configuration', () => {
  it('caps named conflicts at 3 per proposal unless configured', () => {
    expect(loadProposalsConfig(BASE).proposals).toEqual({ namedConflictsMax: 3, defaultCurrency: 'GBP' });
    expect(
      loadProposalsConfig({ ...BASE, PROPOSALS_NAMED_CONFLICTS_MAX: '0' }).proposals.namedConflictsMax,
    ).toBe(0);
  });

  it('refuses a cap that is not a whole number from 0 to 10 at boot, naming the variable', () => {
    for (const value of ['11', '-1', '2.5', 'many']) {
      expect(() => loadProposalsConfig({ ...BASE, PROPOSALS_NAMED_CONFLICTS_MAX: value })).toThrow(
        ConfigError,
      );
      expect(() => loadProposalsConfig({ ...BASE, PROPOSALS_NAMED_CONFLICTS_MAX: value })).toThrow(
        /PROPOSALS_NAMED_CONFLICTS_MAX/,
      );
    }
  });

  it('takes the default competition currency from configuration, validated as ISO 4217 at boot', () => {
    expect(
      loadProposalsConfig({ ...BASE, PROPOSALS_DEFAULT_CURRENCY: 'eur' }).proposals.defaultCurrency,
    ).toBe('EUR');
    expect(() => loadProposalsConfig({ ...BASE, PROPOSALS_DEFAULT_CURRENCY: 'GPB' })).toThrow(
      /PROPOSALS_DEFAULT_CURRENCY/,
    );
  });
});
