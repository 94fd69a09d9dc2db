import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import {
  AwardAcceptedV1,
  CompetitionResultsPublishedV1,
  CompetitionResultsPublishedV2,
  MentorshipRelationshipStartedV2,
  ProtectedTimeApprovedV1,
  TimeLoggedV1,
  MemberDemographicsRecordedV2,
  MemberRoleGrantedV1,
  MemberRoleRevokedV1,
  MentorshipRelationshipEndedV1,
  MentorshipRelationshipStartedV1,
  ProposalSubmittedV1,
  ProposalWithdrawnV1,
} from '@praxis/contracts';
import { engagementDatabase } from '@praxis/engagement/data-access';
import { memberReplicaGroup, memberReplicaHandlers } from '@praxis/platform/member-replica';
import { NonRetriableError, PayloadEncrypter, type EventHandler } from '@praxis/platform/messaging';
import { startSubgraphHarness, type SubgraphHarness } from '@praxis/platform/testing';
import { EngagementFeatureModule } from './engagement-feature.module';
import { PROJECTIONS_GROUP, projectionHandlers } from './projections';
import { projectionKit } from './engagement.test-kit';

const institutionA = randomUUID();
const institutionB = randomUUID();
const admin = { memberId: randomUUID(), roles: ['admin' as const] };
const leadA = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId: institutionA }] };
const a = Array.from({ length: 12 }, () => randomUUID());
const b = Array.from({ length: 10 }, () => randomUUID());
const winning = randomUUID();
const withdrawn = randomUUID();
const relationship = randomUUID();

interface Figure {
  step: string;
  count: number | null;
  suppressed: boolean;
  fromPrevious?: number | null;
}
interface Bucket {
  label: string;
  steps: Figure[];
  groups: Array<{ group: string; steps: Figure[] }>;
  network: Figure[];
}
interface FunnelAnswer {
  engagementFunnel: { suppressionThreshold: number; buckets: Bucket[] };
}

const FUNNEL = `query Funnel($input: EngagementFunnelInput!) {
  engagementFunnel(input: $input) {
    suppressionThreshold
    buckets { label steps { step count suppressed fromPrevious } groups { group steps { step count suppressed } }
      network { step count suppressed } }
  }
}`;

function step(figures: Figure[], name: string): Figure | undefined {
  return figures.find((figure) => figure.step === name);
}

describe('engagement projections and metrics (in-process subgraph, real PostgreSQL)', () => {
  let subgraph: SubgraphHarness;
  let handlers: EventHandler[];
  let demographicsKey: JWK;
  let encrypter: PayloadEncrypter;
  const { event, apply, register } = projectionKit(
    () => subgraph.dataSource,
    () => handlers,
  );

  async function funnel(caller: Parameters<SubgraphHarness['execute']>[0], input: Record<string, unknown>) {
    return subgraph.execute<FunnelAnswer>(caller, FUNNEL, {
      input: { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z', granularity: 'QUARTER', ...input },
    });
  }

  beforeAll(async () => {
    const pair = await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
    demographicsKey = await exportJWK(pair.privateKey);
    encrypter = await PayloadEncrypter.fromJwk(await exportJWK(pair.publicKey));
    handlers = projectionHandlers(demographicsKey);
    subgraph = await startSubgraphHarness({
      name: 'engagement',
      database: engagementDatabase,
      feature: () => EngagementFeatureModule.forRoot({ suppressionThreshold: 5, demographicsKey }),
    });
    for (const [index, memberId] of a.entries()) {
      await register(memberId, institutionA, index < 8 ? 'RESIDENT' : 'CONSULTANT', '2026-01-10T09:00:00Z');
    }
    for (const memberId of b) await register(memberId, institutionB, 'RESIDENT', '2026-01-15T09:00:00Z');
    const competitionId = randomUUID();
    const team = [...a.slice(0, 6), b[0] as string];
    await apply(
      event(ProposalSubmittedV1, winning, {
        proposalId: winning,
        competitionId,
        version: 1,
        title: 'Simulation in the ward',
        keywords: [],
        requestedFunding: 1000,
        requestedHours: 10,
        submittedAt: '2026-02-05T10:00:00Z',
        blind: false,
        team: {
          leadApplicantId: a[0] as string,
          memberIds: team,
          institutionIds: [institutionA, institutionB],
        },
      }),
    );
    // the withdrawal overtakes the submission: the entry must still not count as standing
    await apply(
      event(
        ProposalWithdrawnV1,
        withdrawn,
        { proposalId: withdrawn, competitionId, wasSubmitted: true, withdrawnAt: '2026-02-08T10:00:00Z' },
        2,
      ),
    );
    await apply(
      event(
        ProposalSubmittedV1,
        withdrawn,
        {
          proposalId: withdrawn,
          competitionId,
          version: 1,
          title: 'Withdrawn idea',
          keywords: [],
          requestedFunding: 0,
          requestedHours: 0,
          submittedAt: '2026-02-07T10:00:00Z',
          blind: false,
          team: {
            leadApplicantId: a[6] as string,
            memberIds: [a[6] as string],
            institutionIds: [institutionA],
          },
        },
        1,
      ),
    );
    await apply(
      event(CompetitionResultsPublishedV1, competitionId, {
        competitionId,
        title: 'Spring call',
        publishedAt: '2026-03-01T10:00:00Z',
        fundingAvailable: 1000,
        protectedHoursAvailable: 10,
        entries: 2,
        winners: [
          {
            proposalId: winning,
            rank: 1,
            title: 'Simulation in the ward',
            keywords: [],
            leadApplicantId: a[0] as string,
            teamMemberIds: team,
            institutionIds: [institutionA, institutionB],
            requestedFunding: 1000,
            requestedHours: 10,
            normalisedScore: 1,
            meanRawScore: 8,
          },
        ],
      }),
    );
    const pair2 = { relationshipId: relationship, mentorId: b[1] as string, menteeId: a[0] as string };
    await apply(
      event(MentorshipRelationshipEndedV1, relationship, {
        ...pair2,
        kind: 'MENTORING',
        outcome: 'ENDED',
        endedBy: a[0] as string,
        endedAt: '2026-04-01T00:00:00Z',
      }),
    );
    await apply(
      event(MentorshipRelationshipStartedV1, relationship, {
        ...pair2,
        kind: 'MENTORING',
        origin: 'REQUEST',
        startedAt: '2026-02-01T00:00:00Z',
      }),
    );
    for (const [index, memberId] of a.slice(0, 6).entries()) {
      const answers = await encrypter.encrypt({
        institutionId: institutionA,
        gender: index < 5 ? 'WOMAN' : 'MAN',
        ethnicityGroup: 'PREFER_NOT_TO_SAY',
        disability: 'NO',
        firstGenerationHigherEducation: 'YES',
      });
      await apply(event(MemberDemographicsRecordedV2, memberId, { memberId, answers }));
    }
  }, 120000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('gives a lead their institution’s funnel per quarter, small steps suppressed, the network beside it', async () => {
    const result = await funnel(leadA, { institutionId: institutionA });
    expect(result.errors).toBeUndefined();
    const [q1, q2] = result.data?.engagementFunnel.buckets ?? [];
    expect(q1?.label).toBe('2026-Q1');
    expect(step(q1?.steps ?? [], 'MEMBERS')).toMatchObject({ count: 12, suppressed: false });
    expect(step(q1?.steps ?? [], 'PROPOSAL_AUTHORS')).toMatchObject({ count: 7 });
    expect(step(q1?.steps ?? [], 'SUBMITTED')).toMatchObject({ count: 6, fromPrevious: 0.8571 });
    expect(step(q1?.steps ?? [], 'WINNERS')).toMatchObject({ count: 6, fromPrevious: 1 });
    // one mentee: fewer than 5, so no count and no rate
    expect(step(q1?.steps ?? [], 'MENTORED')).toMatchObject({
      count: null,
      suppressed: true,
      fromPrevious: null,
    });
    // active until 1 April: still mentored in Q2
    expect(step(q2?.steps ?? [], 'MENTORED')).toMatchObject({ count: null, suppressed: true });
    expect(step(q2?.steps ?? [], 'SUBMITTED')).toMatchObject({ count: 0, suppressed: false });
    expect(step(q1?.network ?? [], 'MEMBERS')).toMatchObject({ count: 22, suppressed: false });
    // the rest of the network has one author: its figure would give that one away
    expect(step(q1?.network ?? [], 'PROPOSAL_AUTHORS')).toMatchObject({ count: null, suppressed: true });
  });

  it('splits by career stage with secondary suppression so the small group cannot be worked out', async () => {
    const result = await funnel(leadA, { institutionId: institutionA, splitBy: 'CAREER_STAGE' });
    const q1 = result.data?.engagementFunnel.buckets[0];
    const members = (group: string) =>
      step(q1?.groups.find((row) => row.group === group)?.steps ?? [], 'MEMBERS');
    expect(members('CONSULTANT')).toMatchObject({ count: null, suppressed: true });
    // 12 - 4 would give the consultants back: residents are hidden too
    expect(members('RESIDENT')).toMatchObject({ count: null, suppressed: true });
    expect(members('ACADEMIC')).toMatchObject({ count: 0, suppressed: false });
    expect(step(q1?.steps ?? [], 'MEMBERS')?.count).toBe(12);
  });

  it('gives equity figures by a voluntary answer in aggregate only, suppressing small groups', async () => {
    const result = await funnel(admin, {
      institutionId: institutionA,
      splitBy: 'GENDER',
      granularity: 'YEAR',
    });
    expect(result.errors).toBeUndefined();
    const year = result.data?.engagementFunnel.buckets[0];
    const members = (group: string) =>
      step(year?.groups.find((row) => row.group === group)?.steps ?? [], 'MEMBERS');
    expect(members('MAN')).toMatchObject({ count: null, suppressed: true });
    expect(members('WOMAN')).toMatchObject({ count: null, suppressed: true });
    expect(members('NOT_ANSWERED')).toMatchObject({ count: 6, suppressed: false });
    expect(year?.groups.map((row) => row.group)).toEqual([
      'WOMAN',
      'MAN',
      'NON_BINARY',
      'SELF_DESCRIBED',
      'PREFER_NOT_TO_SAY',
      'NOT_ANSWERED',
    ]);
  });

  it('lets an admin see the network and any institution, and nobody else', async () => {
    const network = await funnel(admin, { granularity: 'YEAR' });
    expect(step(network.data?.engagementFunnel.buckets[0]?.steps ?? [], 'MEMBERS')?.count).toBe(22);
    const other = await funnel(leadA, { institutionId: institutionB });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noScope = await funnel(leadA, {});
    expect(noScope.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const member = await funnel({ memberId: a[0] as string }, { institutionId: institutionA });
    expect(member.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses bad input with BAD_USER_INPUT naming the field and the rule', async () => {
    const reversed = await funnel(admin, { from: '2026-05-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(reversed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.to', rule: 'afterFrom' }],
    });
    const tooLong = await funnel(admin, { from: '1990-01-01T00:00:00Z', granularity: 'MONTH' });
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.to', rule: 'maxBuckets' }],
    });
    // a demographic split is yearly: a quarter beside its months would give a hidden month back
    const quarterly = await funnel(admin, { splitBy: 'GENDER', granularity: 'QUARTER' });
    expect(quarterly.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.granularity', rule: 'yearlyDemographics' }],
    });
    const badId = await funnel(admin, { institutionId: 'not-a-uuid' });
    expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('applies a redelivered event once', async () => {
    const again = event(ProposalSubmittedV1, randomUUID(), {
      proposalId: randomUUID(),
      competitionId: randomUUID(),
      version: 1,
      title: 'Twice delivered',
      keywords: [],
      requestedFunding: 0,
      requestedHours: 0,
      submittedAt: '2026-05-05T10:00:00Z',
      blind: false,
      team: { leadApplicantId: b[2] as string, memberIds: b.slice(2, 8), institutionIds: [institutionB] },
    });
    await apply(again);
    await apply(again);
    const rows: Array<{ n: string }> = await subgraph.dataSource.query(
      `SELECT count(*) AS n FROM engagement_activity WHERE source_id = $1`,
      [again.payload.proposalId],
    );
    expect(Number(rows[0]?.n)).toBe(12); // six authors, six standing entries, once each
  });

  it('serves the member record to the member, their lead and admins, never demographics', async () => {
    const query = `query Record($id: ID!) { memberEngagementRecord(memberId: $id) { memberId careerStage activities { edges { node { activity label } } } } }`;
    const own = await subgraph.execute<{
      memberEngagementRecord: { activities: { edges: Array<{ node: { activity: string } }> } };
    }>({ memberId: a[0] as string }, query, { id: a[0] });
    expect(own.errors).toBeUndefined();
    // newest first
    expect(own.data?.memberEngagementRecord.activities.edges.map((edge) => edge.node.activity)).toEqual([
      'WINNERS',
      'SUBMITTED',
      'PROPOSAL_AUTHORS',
      'MENTORED',
    ]);
    expect((await subgraph.execute(leadA, query, { id: a[1] })).errors).toBeUndefined();
    expect((await subgraph.execute(admin, query, { id: b[1] })).errors).toBeUndefined();
    const otherInstitution = await subgraph.execute(leadA, query, { id: b[1] });
    expect(otherInstitution.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const otherMember = await subgraph.execute({ memberId: a[2] as string }, query, { id: a[1] });
    expect(otherMember.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const recordType = subgraph.schema.getType('MemberEngagementRecord');
    const fields = Object.keys((recordType as unknown as { getFields(): object }).getFields());
    expect(fields.filter((field) => /gender|ethnic|disab|generation/i.test(field))).toEqual([]);
  });

  it('drops a member’s answers on erasure and dead-letters answers it cannot decrypt', async () => {
    const demographics = handlers.find((handler) => handler.contract === MemberDemographicsRecordedV2);
    await subgraph.dataSource.transaction(
      (manager) =>
        demographics?.erase?.(a[5] as string, manager, { groupId: PROJECTIONS_GROUP }) ?? Promise.resolve(),
    );
    const left: unknown[] = await subgraph.dataSource.query(
      `SELECT 1 FROM engagement_demographics WHERE member_id = $1`,
      [a[5]],
    );
    expect(left).toEqual([]);
    const forged = event(MemberDemographicsRecordedV2, a[6] as string, {
      memberId: a[6] as string,
      answers: 'eyJhbGciOiJFQ0RILUVTIn0..aaaa.bbbb.cccc',
    });
    await expect(apply(forged)).rejects.toBeInstanceOf(NonRetriableError);
  });

  it('stops a lead whose role was revoked, as membership’s events say', async () => {
    const lead = { memberId: randomUUID(), roles: [{ role: 'lead' as const, institutionId: institutionA }] };
    // the lead's session began before the revocation: its token still names the role (a token issued after it
    // would not: membership never signs a revoked role, and the replica lets a newer token's roles stand)
    const session = { token: await subgraph.tokenFor(lead) };
    expect((await funnel(session, { institutionId: institutionA })).errors).toBeUndefined();
    const replica = memberReplicaHandlers();
    const group = memberReplicaGroup('engagement');
    const change = { memberId: lead.memberId, role: 'lead' as const, institutionId: institutionA };
    await apply(event(MemberRoleGrantedV1, lead.memberId, change, 1), group, replica);
    await apply(event(MemberRoleRevokedV1, lead.memberId, change, 2), group, replica);
    const after = await funnel(session, { institutionId: institutionA });
    expect(after.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('accepts both versions of results-published and relationship-started, and projects funding’s steps', async () => {
    const [pi, colleague] = [b[8] as string, b[9] as string];
    const proposalId = randomUUID();
    const competitionId = randomUUID();
    await apply(
      event(CompetitionResultsPublishedV2, competitionId, {
        competitionId,
        title: 'Autumn call',
        publishedAt: '2026-09-01T10:00:00Z',
        currency: 'GBP',
        fundingAvailable: { amountMinor: 500000, currency: 'GBP' },
        protectedHoursAvailable: null,
        entries: 1,
        winners: [
          {
            proposalId,
            rank: 1,
            title: 'Feedback literacy',
            keywords: [],
            leadApplicantId: pi,
            teamMemberIds: [pi, colleague],
            institutionIds: [institutionB],
            requestedFunding: { amountMinor: 100000, currency: 'GBP' },
            requestedHours: 20,
            normalisedScore: 1,
            meanRawScore: 9,
          },
        ],
      }),
    );
    await apply(
      event(MentorshipRelationshipStartedV2, randomUUID(), {
        relationshipId: randomUUID(),
        mentorId: a[11] as string,
        menteeId: pi,
        kind: 'SUPERVISION',
        origin: 'COMPETITION',
        competitionId,
        proposalId,
        startedAt: '2026-09-10T10:00:00Z',
      }),
    );
    const awardId = randomUUID();
    await apply(
      event(AwardAcceptedV1, awardId, {
        awardId,
        principalInvestigatorId: pi,
        teamMemberIds: [pi, colleague],
        institutionIds: [institutionB],
        institutionId: institutionB,
        fundId: null,
        competitionId,
        proposalId,
        amount: { amountMinor: 100000, currency: 'GBP' },
        startsOn: '2026-10-01',
        endsOn: '2027-09-30',
        at: '2026-09-15T10:00:00Z',
      }),
    );
    const allocationId = randomUUID();
    await apply(
      event(ProtectedTimeApprovedV1, allocationId, {
        allocationId,
        awardId,
        memberId: pi,
        institutionId: institutionB,
        weeklyMinutes: 240,
        unit: 'HOURS',
        from: '2026-10-01',
        to: '2027-09-30',
        approvedBy: admin.memberId,
        approverRole: 'ADMIN',
        approvedAt: '2026-09-20T10:00:00Z',
      }),
    );
    const entryId = randomUUID();
    const entry = {
      entryId,
      memberId: pi,
      institutionId: institutionB,
      day: '2026-10-05',
      week: '2026-W41',
      minutes: 120,
      activity: 'RESEARCH' as const,
      loggedAt: '2026-10-05T18:00:00Z',
    };
    // the edit to zero overtakes the first entry: the newest by sequence stands
    await apply(event(TimeLoggedV1, entryId, { ...entry, minutes: 0 }, 2));
    await apply(event(TimeLoggedV1, entryId, entry, 1));
    const query = `query Record($id: ID!) { memberEngagementRecord(memberId: $id) { activities(first: 10) { edges { node { activity } } } } }`;
    const record = await subgraph.execute<{
      memberEngagementRecord: { activities: { edges: Array<{ node: { activity: string } }> } };
    }>(admin, query, { id: pi });
    // newest first
    expect(record.data?.memberEngagementRecord.activities.edges.map((edge) => edge.node.activity)).toEqual([
      'TIME_APPROVED',
      'AWARDS_ACCEPTED',
      'SUPERVISED',
      'WINNERS',
    ]);
  });

  it('gives competition and mentoring figures for an institution beside the network, small ones suppressed', async () => {
    const query = `query O($input: EngagementOverviewInput!) {
      engagementOverview(input: $input) {
        figures { figure count suppressed networkCount networkSuppressed }
        rates { rate value networkValue }
        collaboration { institutionAId institutionBId institutionA { id } institutionB { id } proposals }
      }
    }`;
    const input = { institutionId: institutionA, from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
    type Overview = {
      engagementOverview: {
        figures: Array<{ figure: string; count: number | null; networkCount: number | null }>;
        rates: Array<{ rate: string; value: number | null }>;
        collaboration: Array<{
          institutionAId: string;
          institutionBId: string;
          institutionA: { id: string } | null;
          institutionB: { id: string } | null;
          proposals: number | null;
        }>;
      };
    };
    const result = await subgraph.execute<Overview>(leadA, query, { input });
    expect(result.errors).toBeUndefined();
    const figure = (name: string) =>
      result.data?.engagementOverview.figures.find((row) => row.figure === name);
    expect(figure('MEMBERS')).toMatchObject({ count: 12, networkCount: 22 });
    // one mentee, one entry: fewer than five, and so every rate built on them
    expect(figure('ACTIVE_MENTEES')).toMatchObject({ count: null });
    expect(figure('ENTRIES')).toMatchObject({ count: null });
    const share = result.data?.engagementOverview.rates.find(
      (row) => row.rate === 'INTER_INSTITUTIONAL_SHARE',
    );
    expect(share?.value).toBeNull();
    const pair = [institutionA, institutionB].sort();
    expect(result.data?.engagementOverview.collaboration).toEqual([
      {
        institutionAId: pair[0],
        institutionBId: pair[1],
        institutionA: { id: pair[0] },
        institutionB: { id: pair[1] },
        proposals: null,
      },
    ]);
    const refused = await subgraph.execute(leadA, query, {
      input: { ...input, institutionId: institutionB },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
