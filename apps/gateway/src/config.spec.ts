import { ConfigError } from '@praxis/platform/config';
import { loadGatewayConfig, subgraphUrlOverride } from './config';

describe('gateway config', () => {
  it('takes a URL override for any subgraph named in SUBGRAPH_<NAME>_URL', () => {
    const config = loadGatewayConfig({
      SUBGRAPH_MEMBERSHIP_URL: 'http://localhost:11001/graphql',
      SUBGRAPH_COMMUNITY_URL: 'http://community:3007/graphql',
    });
    expect(subgraphUrlOverride(config, 'membership')).toBe('http://localhost:11001/graphql');
    expect(subgraphUrlOverride(config, 'community')).toBe('http://community:3007/graphql');
    expect(subgraphUrlOverride(config, 'proposals')).toBeUndefined();
  });

  it('reports a malformed override together with the other problems', () => {
    let caught: unknown;
    try {
      loadGatewayConfig({ SUBGRAPH_MEMBERSHIP_URL: 'not a url', PORT: 'eighty' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      expect.stringMatching(/^PORT: /),
      'SUBGRAPH_MEMBERSHIP_URL: must be a URL',
    ]);
  });

  it('has the single-fetch path on unless GATEWAY_SINGLE_FETCH turns it off, and refuses any other value', () => {
    expect(loadGatewayConfig({}).GATEWAY_SINGLE_FETCH).toBe(true);
    expect(loadGatewayConfig({ GATEWAY_SINGLE_FETCH: 'false' }).GATEWAY_SINGLE_FETCH).toBe(false);
    expect(() => loadGatewayConfig({ GATEWAY_SINGLE_FETCH: 'off' })).toThrow(/GATEWAY_SINGLE_FETCH/);
  });
});
