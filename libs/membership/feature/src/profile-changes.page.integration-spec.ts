import { randomUUID } from 'node:crypto';
import { DUMMY_PASSWORD_HASH } from '@praxis/platform/auth';
import { membershipDatabase } from '@praxis/membership/data-access';
import { countQueries, startSubgraphHarness, type SubgraphHarness } from '@praxis/platform/testing';
import { membershipFeatureForTests } from './membership-feature.test-module';
import { seedCallers } from './membership.test-support';
import { InstitutionChangesService, RegistrationConfirmationsService } from './profile-changes.service';

const PAGE = `query($n: Int) { members(first: $n) { edges { node {
  id registrationConfirmation { id status } institutionChanges { id } careerStageChanges { id }
} } } }`;

interface Node {
  id: string;
  registrationConfirmation: { id: string; status: string } | null;
  institutionChanges: Array<{ id: string }> | null;
  careerStageChanges: Array<{ id: string }> | null;
}
type Page = { members: { edges: Array<{ node: Node }> } };

/**
 * A member's history of profile changes costs a fixed number of queries for a page of members, whatever its size,
 * and is still shown only to those who see the full profile (the member, leads of their institution, admins).
 */
describe('membership: profile changes on a page of members', () => {
  let subgraph: SubgraphHarness;
  const admin = { memberId: randomUUID(), roles: ['admin' as const] };
  const institutionId = randomUUID();
  const elsewhere = randomUUID();
  /** Per member: its rows, newest first. */
  const expected = new Map<string, { registration: string; institution: string[]; stage: string[] }>();

  async function insert(table: string, values: Record<string, unknown>): Promise<string> {
    const columns = Object.keys(values);
    const rows: Array<{ id: string }> = await subgraph.dataSource.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return rows[0].id;
  }

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'membership_profile_changes_page',
      database: membershipDatabase,
      feature: membershipFeatureForTests,
    });
    await seedCallers(subgraph.dataSource, [admin]);
    for (const [id, name] of [
      [institutionId, 'St Elsewhere'],
      [elsewhere, 'Elsewhere General'],
    ]) {
      await subgraph.dataSource.query(`INSERT INTO institution (id, name, country) VALUES ($1, $2, 'GB')`, [
        id,
        name,
      ]);
    }
    for (let index = 0; index < 4; index += 1) {
      const memberId = randomUUID();
      await subgraph.dataSource.query(
        `INSERT INTO member (id, email, password_hash, display_name, career_stage, institution_id)
         VALUES ($1, $2, $3, $4, 'RESIDENT', $5)`,
        [
          memberId,
          `m${index}.${memberId}@example.org`,
          DUMMY_PASSWORD_HASH,
          `Member ${index}`,
          institutionId,
        ],
      );
      const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));
      // an older rejected registration and the newer pending one: the latest is shown
      await insert('registration_confirmation', {
        member_id: memberId,
        institution_id: elsewhere,
        career_stage: 'RESIDENT',
        status: 'REJECTED',
        requested_at: day(0),
      });
      const registration = await insert('registration_confirmation', {
        member_id: memberId,
        institution_id: institutionId,
        career_stage: 'RESIDENT',
        requested_at: day(1),
      });
      const institution: string[] = [];
      for (let n = 0; n <= index; n += 1) {
        institution.unshift(
          await insert('institution_change', {
            member_id: memberId,
            from_institution_id: elsewhere,
            to_institution_id: institutionId,
            status: 'REJECTED',
            requested_at: day(2 + n),
          }),
        );
      }
      const stage =
        index % 2 === 0
          ? [
              await insert('career_stage_change', {
                member_id: memberId,
                from_stage: 'RESIDENT',
                to_stage: 'CONSULTANT',
                requested_at: day(9),
              }),
            ]
          : [];
      expected.set(memberId, { registration, institution, stage });
    }
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('answers registrationConfirmation, institutionChanges and careerStageChanges for 4 members in the queries of 1', async () => {
    const page = (n: number) =>
      countQueries(subgraph.dataSource, async () => {
        const result = await subgraph.execute<Page>(admin, PAGE, { n });
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        return result.data?.members.edges.map((edge) => edge.node) ?? [];
      });
    // the caller's own read is kept after their first request: compare pages once it is
    await page(1);
    const one = await page(1);
    const four = await page(4);
    expect(four.result).toHaveLength(4);
    expect(four.queries.length).toBe(one.queries.length);
    for (const node of four.result) {
      const rows = expected.get(node.id);
      expect(node).toEqual({
        id: node.id,
        registrationConfirmation: { id: rows?.registration, status: 'PENDING' },
        institutionChanges: rows?.institution.map((id) => ({ id })),
        careerStageChanges: rows?.stage.map((id) => ({ id })),
      });
    }
  });

  it('caps the history per member, not per page: the newest rows of each member', async () => {
    const ids = [...expected.keys()];
    const latest = await subgraph.app.get(RegistrationConfirmationsService).latestOf(ids);
    expect(latest.map((row) => row.id).sort()).toEqual(
      ids.map((id) => expected.get(id)?.registration).sort(),
    );
    const newestTwo = await subgraph.app.get(InstitutionChangesService).historyOf(ids, 2);
    for (const id of ids) {
      expect(newestTwo.filter((row) => row.memberId === id).map((row) => row.id)).toEqual(
        expected.get(id)?.institution.slice(0, 2),
      );
    }
  });

  it('shows the history to a lead of the members’ institution and to each member alone, never to another member', async () => {
    const lead = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId }] };
    const outsider = { memberId: randomUUID() };
    await seedCallers(subgraph.dataSource, [lead, outsider]);
    const [mine] = [...expected.keys()];
    const views = new Map<string, Node[]>();
    for (const [name, caller] of [
      ['lead', lead],
      ['outsider', outsider],
      ['member', { memberId: mine }],
    ] as const) {
      const result = await subgraph.execute<Page>(caller, PAGE, { n: 10 });
      expect(result.errors).toBeUndefined();
      views.set(
        name,
        (result.data?.members.edges ?? []).map((edge) => edge.node).filter((node) => expected.has(node.id)),
      );
    }
    expect(views.get('lead')?.map((node) => node.institutionChanges?.length)).toEqual(
      (views.get('lead') ?? []).map((node) => expected.get(node.id)?.institution.length),
    );
    for (const node of views.get('outsider') ?? []) {
      expect(node).toEqual({
        id: node.id,
        registrationConfirmation: null,
        institutionChanges: null,
        careerStageChanges: null,
      });
    }
    const own = views.get('member') ?? [];
    expect(own.filter((node) => node.institutionChanges !== null).map((node) => node.id)).toEqual([mine]);
  });
});
