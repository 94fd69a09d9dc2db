import { randomUUID } from 'node:crypto';
import { fuzzSettings, fuzzSubgraph } from '@praxis/platform/testing';
import { startCommunityHarness, type CommunityHarness } from './testing/community-harness';
import { apply, createProgramme } from './testing/programme-fixture';

const SETTINGS = fuzzSettings();

describe('community subgraph fuzz', () => {
  let h: CommunityHarness;
  const ids: string[] = [randomUUID()];

  beforeAll(async () => {
    h = await startCommunityHarness('community_fuzz');
  }, 60000);

  afterAll(async () => {
    await h?.close();
  });

  it(`answers random operations and inputs from the schema with data or a public error (seed ${SETTINGS.seed})`, async () => {
    // real records to aim at, so the fuzzer reaches past NOT_FOUND: a programme with sessions and applicants
    const member = await h.member();
    const programme = await createProgramme(h);
    const application = await apply(h, member, programme.id, { freeSchoolMeals: 'YES' });
    ids.push(
      member.memberId,
      programme.id,
      application.id,
      ...programme.sessions.map((session) => session.id),
    );
    const { runs, findings, healthy } = await fuzzSubgraph(h.subgraph, {
      callers: [
        { name: 'anonymous', caller: null },
        { name: 'member', caller: member },
        { name: 'stranger', caller: { memberId: randomUUID() } },
        { name: 'admin', caller: h.admin },
      ],
      knownIds: () => ids,
      ...SETTINGS,
    });
    expect(runs).toBeGreaterThan(20);
    expect(findings.slice(0, 5)).toEqual([]);
    expect(healthy).toBe(true);
  }, 120000);
});
