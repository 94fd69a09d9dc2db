import { formatSummary, fundingUrl } from './demo';
import type { DemoSummary } from './demo/load';

const LOADED: DemoSummary = {
  alreadyLoaded: false,
  institutions: 26,
  members: { MEDICAL_STUDENT: 40 },
  demographicsAnswered: 26,
  communities: [],
  programme: null,
  mentorship: null,
  competition: null,
  atRisk: null,
  fundingTestClock: false,
  logins: [],
};

describe('npm run demo: the summary of protected time at risk', () => {
  it('names the member, the project and each week’s figures where funding’s check flagged them', () => {
    const text = formatSummary(
      {
        ...LOADED,
        fundingTestClock: true,
        atRisk: {
          member: 'Ada Obi',
          memberId: 'm1',
          project: 'Peer feedback on placement',
          weeklyHours: 0.75,
          episodeStartedWeek: '2026-W51',
          weeks: [
            { week: '2026-W49', allocatedHours: 0.32, loggedHours: 0 },
            { week: '2026-W50', allocatedHours: 0.75, loggedHours: 0.25 },
            { week: '2026-W51', allocatedHours: 0.75, loggedHours: 0.25 },
          ],
          leadEmail: 'lead@example.org',
        },
      },
      'http://localhost:4000/graphql',
    );
    expect(text).toContain(
      'Ada Obi (Peer feedback on placement) is AT_RISK since 2026-W51: 0.75 h a week protected, logged 0 h of 0.32 h in 2026-W49, 0.25 h of 0.75 h in 2026-W50, 0.25 h of 0.75 h in 2026-W51: 3 weeks under the at-risk threshold',
    );
    expect(text).toContain('the lead lead@example.org approved that time and sees the flag');
  });

  it('says how to see it when funding serves no test clock, and nothing when the demo was already there', () => {
    expect(formatSummary(LOADED, 'u')).toContain('start the platform with FUNDING_TEST_CLOCK=true');
    expect(formatSummary({ ...LOADED, alreadyLoaded: true }, 'u')).not.toContain('FUNDING_TEST_CLOCK');
  });

  it('finds funding on PRAXIS_FUNDING_URL, else on its port of the port base', () => {
    expect(fundingUrl({ PRAXIS_FUNDING_URL: 'http://funding:9' })).toBe('http://funding:9');
    expect(fundingUrl({})).toBe('http://localhost:3004');
    expect(fundingUrl({ PRAXIS_PORT_BASE: '11000' })).toMatch(/^http:\/\/localhost:110\d\d$/);
  });
});
