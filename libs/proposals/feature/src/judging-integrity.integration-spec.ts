import { MAX_PAGE_SIZE } from '@praxis/platform/graphql';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { CompetitionResultsPublishedV2, ReviewSubmittedV1 } from '@praxis/contracts';
import type { Principal } from '@praxis/platform/auth';
import { createServiceDataSource } from '@praxis/platform/database';
import { createTestDatabase, waitFor } from '@praxis/platform/testing';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import { NamedConflictDecision } from '@praxis/proposals/domain';
import { CompetitionsService } from './competitions.service';
import { JudgingService } from './judging.service';
import type { CreateCompetitionInput } from './proposals.objects';
import { ProposalsService } from './proposals.service';

/** Every row in one page (these tests check content, not paging). */
const ALL = { size: MAX_PAGE_SIZE, after: null };

/**
 * Judging under real concurrency, against real PostgreSQL: concurrent writes of one record, publication racing
 * score edits, and the freeze after publication.
 */
describe('judging integrity against PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let competitions: CompetitionsService;
  let proposals: ProposalsService;
  let judging: JudgingService;
  const admin: Principal = { memberId: randomUUID(), roles: [{ role: 'admin', institutionId: null }] };

  beforeAll(async () => {
    db = await createTestDatabase('proposals_integrity');
    dataSource = createServiceDataSource({ url: db.url, ...proposalsDatabase });
    await dataSource.initialize();
    await dataSource.runMigrations();
    const options = { namedConflictsMax: 2, defaultCurrency: 'GBP' as const };
    competitions = new CompetitionsService(dataSource, options);
    proposals = new ProposalsService(dataSource, options);
    judging = new JudgingService(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  async function member(roles: string[] = []): Promise<Principal> {
    const memberId = randomUUID();
    await dataSource.query(
      `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id, interests)
       VALUES ($1, $2, 'RESIDENT', $3, '{}')`,
      [memberId, `Member ${memberId.slice(0, 4)}`, randomUUID()],
    );
    for (const role of roles) {
      await dataSource.query(`INSERT INTO member_role_replica (member_id, role) VALUES ($1, $2)`, [
        memberId,
        role,
      ]);
    }
    return {
      memberId,
      roles: roles.includes('judge') ? [{ role: 'judge', institutionId: null }] : [],
    };
  }

  /**
   * A competition in JUDGING with `entries` two-person entries, every entry assigned to every judge
   * (one criterion on a 0–4 scale).
   */
  async function judgingCompetition(entryCount: number, judgeCount: number) {
    const input: CreateCompetitionInput = {
      title: 'Integrity call',
      description: '',
      opensAt: new Date(Date.now() - 60_000),
      closesAt: new Date(Date.now() + 3_600_000),
      judgingEndsAt: new Date(Date.now() + 7_200_000),
      criteria: [{ name: 'Quality', guidance: '', weight: 1, scaleMin: 0, scaleMax: 4 }],
      reviewsPerEntry: judgeCount,
      judgeMaxLoad: entryCount,
      blind: false,
      winnersCount: 1,
      eligibility: { requiresInterInstitutionalTeam: false, maxTeamSize: 4, allowedCareerStages: [] },
      fundingAvailable: null,
      protectedHoursAvailable: null,
    };
    const competition = await competitions.create(input, admin.memberId);
    await competitions.open(competition.id);
    const entries: string[] = [];
    const leads: Principal[] = [];
    for (let index = 0; index < entryCount; index += 1) {
      const lead = await member();
      const draft = await proposals.saveDraft(
        {
          competitionId: competition.id,
          title: `Entry ${index + 1}`,
          summary: 's',
          aims: 'a',
          methods: 'm',
          expectedImpact: 'e',
          keywords: [],
          leadApplicantId: lead.memberId,
          teamMemberIds: [],
          requestedFunding: 0,
          requestedHours: 0,
        },
        lead,
      );
      await proposals.submit(draft.id, [], lead);
      entries.push(draft.id);
      leads.push(lead);
    }
    await competitions.updateDates(competition.id, {
      opensAt: input.opensAt,
      closesAt: new Date(Date.now() - 1000),
      judgingEndsAt: input.judgingEndsAt,
    });
    await competitions.startJudging(competition.id);
    const judges: Principal[] = [];
    for (let index = 0; index < judgeCount; index += 1) {
      const judge = await member(['judge']);
      await judging.addJudge(competition.id, judge.memberId, admin.memberId);
      judges.push(judge);
    }
    await judging.assign(competition.id, admin.memberId);
    return { competitionId: competition.id, entries, leads, judges };
  }

  const sheet = (proposalId: string, value: number, comment = 'scored') => ({
    proposalId,
    scores: [{ criterionId: 'c1', value }],
    comment,
  });

  async function auditActions(competitionId: string, action: string): Promise<number> {
    return (await judging.auditLog(competitionId, ALL)).edges
      .map((edge) => edge.node)
      .filter((entry) => entry.action === action).length;
  }

  async function winnerInOutbox(competitionId: string): Promise<string[]> {
    const rows: Array<{
      payload: { currency: string; winners: Array<{ proposalId: string; requestedFunding: unknown }> };
    }> = await dataSource.query(
      `SELECT envelope->'payload' AS payload FROM outbox WHERE topic = $1 AND message_key = $2`,
      [CompetitionResultsPublishedV2.topic, competitionId],
    );
    expect(rows).toHaveLength(1);
    // v2: Money in the competition's currency (the configured default here)
    expect(rows[0].payload.currency).toBe('GBP');
    for (const winner of rows[0].payload.winners) {
      expect(winner.requestedFunding).toEqual({ amountMinor: 0, currency: 'GBP' });
    }
    return rows[0].payload.winners.map((winner) => winner.proposalId);
  }

  it('gives each of three identical first score sheets sent at once one clean outcome, and keeps one review', async () => {
    for (let round = 0; round < 5; round += 1) {
      const { competitionId, entries, judges } = await judgingCompetition(1, 1);
      const [judge] = judges;
      const outcomes = await Promise.allSettled([
        judging.submitScores(sheet(entries[0], 3), judge),
        judging.submitScores(sheet(entries[0], 3), judge),
        judging.submitScores(sheet(entries[0], 3), judge),
      ]);
      const failures = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(failures.map((failure) => String((failure as PromiseRejectedResult).reason))).toEqual([]);
      const reviews: Array<{ count: string }> = await dataSource.query(
        `SELECT count(*) FROM review WHERE proposal_id = $1 AND judge_id = $2`,
        [entries[0], judge.memberId],
      );
      expect(Number(reviews[0].count)).toBe(1);
      // one first submission, the two others are edits of it, each audited and announced once
      expect(await auditActions(competitionId, 'score.submitted')).toBe(1);
      expect(await auditActions(competitionId, 'score.edited')).toBe(2);
      const events: Array<{ edit: boolean }> = await dataSource.query(
        `SELECT (envelope->'payload'->>'edit')::boolean AS edit FROM outbox
         WHERE topic = $1 AND envelope->'payload'->>'proposalId' = $2`,
        [ReviewSubmittedV1.topic, entries[0]],
      );
      expect(events.map((event) => event.edit).sort()).toEqual([false, true, true]);
    }
  });

  it('serialises a score edit with publication: the results event names the winner the ranking names', async () => {
    const { competitionId, entries, judges } = await judgingCompetition(2, 1);
    const [judge] = judges;
    const [first, second] = entries;
    await judging.submitScores(sheet(first, 4), judge);
    await judging.submitScores(sheet(second, 1), judge);

    // another session holds the judge's review of the first entry, so the edit that reverses the order is
    // caught half-way: its phase check is done, its write is not
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM review WHERE proposal_id = $1 FOR UPDATE`, [first]);
      const edit = judging.submitScores(sheet(first, 0, 'changed my mind'), judge).then(
        () => 'edited',
        (error: unknown) => `refused: ${String(error)}`,
      );
      await waitFor(
        async () => {
          const waiting: Array<{ count: string }> = await dataSource.query(
            `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return Number(waiting[0].count) === 1;
        },
        { description: 'the score edit waiting on the held review' },
      );
      const publication = competitions.publishResults(competitionId, admin.memberId);
      // give publication the time to run ahead of the held edit if nothing stops it
      await new Promise((resolve) => setTimeout(resolve, 300));
      await holder.query('COMMIT');
      const [editOutcome] = await Promise.all([edit, publication]);

      const ranking = await competitions.ranking(competitionId, admin);
      const rankedWinners = ranking.result.ranking.filter((row) => row.isWinner).map((row) => row.entryId);
      expect(await winnerInOutbox(competitionId)).toEqual(rankedWinners);
      // the edit either landed before the ranking was fixed (second wins) or was refused (first wins)
      expect(rankedWinners).toEqual(editOutcome === 'edited' ? [second] : [first]);
      // and what the ranking says agrees with the scores stored
      const stored: Array<{ value: number }> = await dataSource.query(
        `SELECT (scores->0->>'value')::int AS value FROM review WHERE proposal_id = $1`,
        [first],
      );
      expect(stored[0].value).toBe(editOutcome === 'edited' ? 0 : 4);
    } finally {
      await holder.end();
    }
  });

  it('refuses a score edit after publication with a clear state error', async () => {
    const { competitionId, entries, judges } = await judgingCompetition(1, 1);
    await judging.submitScores(sheet(entries[0], 2), judges[0]);
    await competitions.publishResults(competitionId, admin.memberId);
    await expect(judging.submitScores(sheet(entries[0], 4), judges[0])).rejects.toMatchObject({
      code: 'RESULTS_FROZEN',
    });
  });

  it('freezes judging once results are published, and reads every published figure from the frozen results', async () => {
    const { competitionId, entries, leads, judges } = await judgingCompetition(2, 2);
    const [first, second] = entries;
    await judging.submitScores(sheet(first, 4, 'clear aims'), judges[0]);
    await judging.submitScores(sheet(second, 1, 'thin methods'), judges[0]);
    await judging.submitScores(sheet(first, 3, 'feasible'), judges[1]);
    await judging.submitScores(sheet(second, 2, 'unclear impact'), judges[1]);
    await competitions.publishResults(competitionId, admin.memberId);
    const published = (await competitions.ranking(competitionId, leads[0])).result.ranking;
    const feedbackOf = async (proposalId: string) => proposals.feedback(await proposals.entity(proposalId));
    const feedback = await feedbackOf(first);
    expect(published.map((row) => [row.entryId, row.rank, row.isWinner, row.reviewCount])).toEqual([
      [first, 1, true, 2],
      [second, 2, false, 2],
    ]);
    expect(feedback?.map((entry) => entry.comment).sort()).toEqual(['clear aims', 'feasible']);

    // every path that changes what the results were computed from is refused with the same rule
    const frozen = { code: 'RESULTS_FROZEN' };
    await expect(judging.declareConflict(first, 'co-author of the lead', judges[0])).rejects.toMatchObject(
      frozen,
    );
    await expect(judging.unassign(first, judges[0].memberId, true, admin.memberId)).rejects.toMatchObject(
      frozen,
    );
    await expect(judging.assign(competitionId, admin.memberId)).rejects.toMatchObject(frozen);
    await expect(
      judging.addJudge(competitionId, (await member(['judge'])).memberId, admin.memberId),
    ).rejects.toMatchObject(frozen);
    await expect(proposals.withdraw(second, leads[1])).rejects.toMatchObject(frozen);
    const reviews: Array<{ count: string }> = await dataSource.query(
      `SELECT count(*) FROM review WHERE competition_id = $1`,
      [competitionId],
    );
    expect(Number(reviews[0].count)).toBe(4);

    // even a change that bypasses the service (a repair by hand) does not move a published figure
    await dataSource.query(`DELETE FROM assignment WHERE proposal_id = $1 AND judge_id = $2`, [
      first,
      judges[0].memberId,
    ]);
    await dataSource.query(
      `UPDATE review SET scores = '[{"criterionId":"c1","value":0}]', comment = 'edited'`,
    );
    expect((await competitions.ranking(competitionId, leads[1])).result.ranking).toEqual(published);
    expect(await feedbackOf(first)).toEqual(feedback);
  });

  it('assigns no entry to a judge whose role was revoked after they joined the pool', async () => {
    const { competitionId, judges } = await judgingCompetition(2, 2);
    const replacement = await member(['judge']);
    await judging.addJudge(competitionId, replacement.memberId, admin.memberId);
    const [revoked] = judges;
    // membership revoked the role and the replica applied it; the pool row stays
    await dataSource.query(`DELETE FROM member_role_replica WHERE member_id = $1 AND role = 'judge'`, [
      revoked.memberId,
    ]);
    await judging.assign(competitionId, admin.memberId);
    const assigned = async (judgeId: string): Promise<number> =>
      Number(
        (
          await dataSource.query(
            `SELECT count(*)::int AS n FROM assignment WHERE competition_id = $1 AND judge_id = $2`,
            [competitionId, judgeId],
          )
        )[0].n,
      );
    expect(await assigned(revoked.memberId)).toBe(0);
    expect(await assigned(replacement.memberId)).toBe(2);
  });

  it('caps named conflicts, hides their kind from the judge, and lets one admin review each, audited', async () => {
    const input: CreateCompetitionInput = {
      title: 'Named conflicts call',
      description: '',
      opensAt: new Date(Date.now() - 60_000),
      closesAt: new Date(Date.now() + 3_600_000),
      judgingEndsAt: new Date(Date.now() + 7_200_000),
      criteria: [{ name: 'Quality', guidance: '', weight: 1, scaleMin: 0, scaleMax: 4 }],
      reviewsPerEntry: 1,
      judgeMaxLoad: 2,
      blind: false,
      winnersCount: 1,
      eligibility: { requiresInterInstitutionalTeam: false, maxTeamSize: 4, allowedCareerStages: [] },
      fundingAvailable: null,
      protectedHoursAvailable: null,
    };
    const competition = await competitions.create(input, admin.memberId);
    await competitions.open(competition.id);
    const [first, second, third] = [
      await member(['judge']),
      await member(['judge']),
      await member(['judge']),
    ];
    for (const judge of [first, second, third]) {
      await judging.addJudge(competition.id, judge.memberId, admin.memberId);
    }
    const lead = await member();
    const entry = await proposals.saveDraft(
      {
        competitionId: competition.id,
        title: 'Named',
        summary: 's',
        aims: 'a',
        methods: 'm',
        expectedImpact: 'e',
        keywords: [],
        leadApplicantId: lead.memberId,
        teamMemberIds: [],
        requestedFunding: 0,
        requestedHours: 0,
      },
      lead,
    );
    const naming = (judge: Principal) => ({
      judgeId: judge.memberId,
      reason: 'former supervisor of the lead',
    });
    await proposals.submit(entry.id, [naming(first), naming(second)], lead);
    // the cap counts every submission of the proposal together
    await expect(proposals.submit(entry.id, [naming(third)], lead)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: [expect.objectContaining({ field: 'conflictedJudges', rule: 'MAX_NAMED_CONFLICTS' })],
    });
    await competitions.updateDates(competition.id, {
      opensAt: input.opensAt,
      closesAt: new Date(Date.now() - 1000),
      judgingEndsAt: input.judgingEndsAt,
    });
    await competitions.startJudging(competition.id);

    const named = (await judging.conflicts(competition.id, ALL)).edges
      .map((edge) => edge.node)
      .filter((c) => c.kind === 'NAMED_BY_APPLICANT');
    expect(named.map((c) => c.reviewStatus)).toEqual(['PENDING', 'PENDING']);
    const conflictOf = (judge: Principal) => named.find((c) => c.judgeId === judge.memberId)?.id as string;

    // the named judge learns only that they cannot review the entry: the same words as a judge not assigned
    const refusal = async (judge: Principal) =>
      judging.openAsJudge(entry.id, judge).then(
        () => 'opened',
        (error: Error) => error.message,
      );
    const namedRefusal = await refusal(first);
    expect(namedRefusal).toBe(await refusal(third));
    expect(namedRefusal).not.toMatch(/NAMED|INSTITUTION|conflict|applicant/i);
    await expect(judging.assignManually(entry.id, first.memberId, admin.memberId)).rejects.toMatchObject({
      code: 'CONFLICT_OF_INTEREST',
    });

    // two admins decide the same named conflict at once: one decision stands, the other is told so
    const outcomes = await Promise.allSettled([
      judging.reviewNamedConflict(
        conflictOf(second),
        NamedConflictDecision.ACCEPT,
        'the judge confirmed it',
        admin,
      ),
      judging.reviewNamedConflict(
        conflictOf(second),
        NamedConflictDecision.OVERRULE,
        'no working link found',
        admin,
      ),
    ]);
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: 'NAMED_CONFLICT_ALREADY_REVIEWED' });

    // an overruled named conflict no longer blocks the judge
    const overruled = await judging.reviewNamedConflict(
      conflictOf(first),
      NamedConflictDecision.OVERRULE,
      'no working link in five years',
      admin,
    );
    expect(overruled).toMatchObject({ reviewStatus: 'OVERRULED', reviewedBy: admin.memberId });
    await judging.assignManually(entry.id, first.memberId, admin.memberId);
    expect((await judging.openAsJudge(entry.id, first)).proposal.id).toBe(entry.id);
    const audited = (await judging.auditLog(competition.id, ALL)).edges
      .map((edge) => edge.node)
      .filter((line) => line.action.startsWith('conflict.named.'));
    expect(audited).toHaveLength(2);
    expect(audited.find((line) => line.judgeId === first.memberId)).toMatchObject({
      action: 'conflict.named.overruled',
      actorId: admin.memberId,
      detail: { reason: 'no working link in five years' },
    });
  });

  it('puts nobody on a team without consent: invitees accept or decline, and eligibility counts only accepted members', async () => {
    const input: CreateCompetitionInput = {
      title: 'Team consent call',
      description: '',
      opensAt: new Date(Date.now() - 60_000),
      closesAt: new Date(Date.now() + 3_600_000),
      judgingEndsAt: new Date(Date.now() + 7_200_000),
      criteria: [{ name: 'Quality', guidance: '', weight: 1, scaleMin: 0, scaleMax: 4 }],
      reviewsPerEntry: 1,
      judgeMaxLoad: 2,
      blind: false,
      winnersCount: 1,
      eligibility: { requiresInterInstitutionalTeam: true, maxTeamSize: 4, allowedCareerStages: [] },
      fundingAvailable: null,
      protectedHoursAvailable: null,
    };
    const competition = await competitions.create(input, admin.memberId);
    await competitions.open(competition.id);
    const [author, partner, lead, bystander] = [
      await member(),
      await member(),
      await member(),
      await member(),
    ];
    const draft = await proposals.saveDraft(
      {
        competitionId: competition.id,
        title: 'Consent',
        summary: 's',
        aims: 'a',
        methods: 'm',
        expectedImpact: 'e',
        keywords: [],
        leadApplicantId: lead.memberId,
        teamMemberIds: [author.memberId, partner.memberId],
        requestedFunding: 0,
        requestedHours: 0,
      },
      author,
    );
    // only the author is on the team; the others are invited
    expect(draft.teamMemberIds).toEqual([author.memberId]);
    const invitations = (await proposals.myInvitations(partner, ALL)).edges.map((edge) => edge.node);
    expect(invitations.map(({ invitation }) => [invitation.proposalId, invitation.status])).toEqual([
      [draft.id, 'PENDING'],
    ]);
    // neither the pending partner (another institution) nor the pending lead counts
    const refused = await proposals.submit(draft.id, [], author).then(
      () => null,
      (error: { details?: { failures?: Array<{ rule: string }> } }) =>
        error.details?.failures?.map((f) => f.rule),
    );
    expect(refused?.sort()).toEqual(['INTER_INSTITUTIONAL', 'LEAD_NOT_ACCEPTED']);
    // an invitation is answered by the invitee only, once
    await expect(proposals.answerInvitation(draft.id, true, bystander)).rejects.toMatchObject({
      code: 'INVITATION_NOT_FOUND',
    });
    await proposals.answerInvitation(draft.id, true, partner);
    await proposals.answerInvitation(draft.id, false, lead);
    await expect(proposals.answerInvitation(draft.id, true, lead)).rejects.toMatchObject({
      code: 'INVITATION_ALREADY_ANSWERED',
    });
    expect((await proposals.entity(draft.id)).teamMemberIds.sort()).toEqual(
      [author.memberId, partner.memberId].sort(),
    );
    // the lead declined: the team names the author as lead instead, and submits
    await proposals.saveDraft(
      {
        id: draft.id,
        competitionId: competition.id,
        title: 'Consent',
        summary: 's',
        aims: 'a',
        methods: 'm',
        expectedImpact: 'e',
        keywords: [],
        leadApplicantId: author.memberId,
        teamMemberIds: [partner.memberId],
        requestedFunding: 0,
        requestedHours: 0,
      },
      author,
    );
    const submitted = await proposals.submit(draft.id, [], author);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', leadApplicantId: author.memberId });
    expect(submitted.teamMemberIds.sort()).toEqual([author.memberId, partner.memberId].sort());
  });
});
