import { MAX_PAGE_SIZE } from '@praxis/platform/graphql';
import { Client } from 'pg';
import { CompetitionResultsPublishedV2, ReviewSubmittedV1 } from '@praxis/contracts';
import type { Principal } from '@praxis/platform/auth';
import { planOf, statementsOf, waitFor } from '@praxis/platform/testing';
import { CompetitionEntity } from '@praxis/proposals/data-access';
import { NamedConflictDecision } from '@praxis/proposals/domain';
import type { RankedRow } from './competitions.service';
import { startProposalsServices, type ProposalsServicesKit } from './testing/services-kit';

/** Every row in one page (these tests check content, not paging). */
const ALL = { size: MAX_PAGE_SIZE, after: null };

/**
 * Judging under real concurrency, against real PostgreSQL: concurrent writes of one record, publication racing
 * score edits, and the freeze after publication.
 */
describe('judging integrity against PostgreSQL', () => {
  let kit: ProposalsServicesKit;

  beforeAll(async () => {
    kit = await startProposalsServices('proposals_integrity');
  });

  afterAll(async () => {
    await kit?.close();
  });

  const member = (roles: Array<'judge'> = []): Promise<Principal> => kit.member({ roles });

  /**
   * A competition in JUDGING with `entries` two-person entries, every entry assigned to every judge
   * (one criterion on a 0–4 scale).
   */
  async function judgingCompetition(entryCount: number, judgeCount: number) {
    const competition = await kit.openCompetition({
      title: 'Integrity call',
      reviewsPerEntry: judgeCount,
      judgeMaxLoad: entryCount,
    });
    const entries: string[] = [];
    const leads: Principal[] = [];
    for (let index = 0; index < entryCount; index += 1) {
      const lead = await member();
      const draft = await kit.draft(competition.id, lead, { title: `Entry ${index + 1}` });
      await kit.proposals.submit(draft.id, [], lead);
      entries.push(draft.id);
      leads.push(lead);
    }
    await kit.startJudging(competition.id);
    const judges: Principal[] = [];
    for (let index = 0; index < judgeCount; index += 1) {
      const judge = await member(['judge']);
      await kit.judging.addJudge(competition.id, judge.memberId, kit.admin.memberId);
      judges.push(judge);
    }
    await kit.judging.assign(competition.id, kit.admin.memberId);
    return { competitionId: competition.id, entries, leads, judges };
  }

  const sheet = (proposalId: string, value: number, comment = 'scored') => ({
    proposalId,
    scores: [{ criterionId: 'c1', value }],
    comment,
  });

  /** The whole ranking as `principal` may read it, best first. */
  async function rankingOf(competitionId: string, principal: Principal) {
    return (await kit.competitions.rankingPage(competitionId, principal, ALL)).edges.map((edge) => edge.node);
  }

  async function auditActions(competitionId: string, action: string): Promise<number> {
    return (await kit.judging.auditLog(competitionId, ALL)).edges
      .map((edge) => edge.node)
      .filter((entry) => entry.action === action).length;
  }

  async function winnerInOutbox(competitionId: string): Promise<string[]> {
    const rows: Array<{
      payload: { currency: string; winners: Array<{ proposalId: string; requestedFunding: unknown }> };
    }> = await kit.dataSource.query(
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
        kit.judging.submitScores(sheet(entries[0], 3), judge),
        kit.judging.submitScores(sheet(entries[0], 3), judge),
        kit.judging.submitScores(sheet(entries[0], 3), judge),
      ]);
      const failures = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(failures.map((failure) => String((failure as PromiseRejectedResult).reason))).toEqual([]);
      const reviews: Array<{ count: string }> = await kit.dataSource.query(
        `SELECT count(*) FROM review WHERE proposal_id = $1 AND judge_id = $2`,
        [entries[0], judge.memberId],
      );
      expect(Number(reviews[0].count)).toBe(1);
      // one first submission, the two others are edits of it, each audited and announced once
      expect(await auditActions(competitionId, 'score.submitted')).toBe(1);
      expect(await auditActions(competitionId, 'score.edited')).toBe(2);
      const events: Array<{ edit: boolean }> = await kit.dataSource.query(
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
    await kit.judging.submitScores(sheet(first, 4), judge);
    await kit.judging.submitScores(sheet(second, 1), judge);

    // another session holds the judge's review of the first entry, so the edit that reverses the order is
    // caught half-way: its phase check is done, its write is not
    const holder = new Client({ connectionString: kit.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM review WHERE proposal_id = $1 FOR UPDATE`, [first]);
      const edit = kit.judging.submitScores(sheet(first, 0, 'changed my mind'), judge).then(
        () => 'edited',
        (error: unknown) => `refused: ${String(error)}`,
      );
      await waitFor(
        async () => {
          const waiting: Array<{ count: string }> = await kit.dataSource.query(
            `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return Number(waiting[0].count) === 1;
        },
        { description: 'the score edit waiting on the held review' },
      );
      const publication = kit.competitions.publishResults(competitionId, kit.admin.memberId);
      // give publication the time to run ahead of the held edit if nothing stops it
      await new Promise((resolve) => setTimeout(resolve, 300));
      await holder.query('COMMIT');
      const [editOutcome] = await Promise.all([edit, publication]);

      const ranking = await rankingOf(competitionId, kit.admin);
      const rankedWinners = ranking.filter((row) => row.isWinner).map((row) => row.entryId);
      expect(await winnerInOutbox(competitionId)).toEqual(rankedWinners);
      // the edit either landed before the ranking was fixed (second wins) or was refused (first wins)
      expect(rankedWinners).toEqual(editOutcome === 'edited' ? [second] : [first]);
      // and what the ranking says agrees with the scores stored
      const stored: Array<{ value: number }> = await kit.dataSource.query(
        `SELECT (scores->0->>'value')::int AS value FROM review WHERE proposal_id = $1`,
        [first],
      );
      expect(stored[0].value).toBe(editOutcome === 'edited' ? 0 : 4);
    } finally {
      await holder.end();
    }
  });

  it('pages the ranking best first with ties in a fixed order: provisional as computed, published in PostgreSQL along proposal_ranking_idx', async () => {
    const { competitionId, entries, leads, judges } = await judgingCompetition(5, 2);
    // entries 2 and 3 tie on every score: their order falls to submission, then id
    const values = [4, 2, 2, 1, 0];
    for (const [index, entry] of entries.entries()) {
      await kit.judging.submitScores(sheet(entry, values[index]), judges[0]);
      await kit.judging.submitScores(sheet(entry, values[index] === 0 ? 0 : 3), judges[1]);
    }
    const competition = await kit.dataSource.manager.findOneByOrFail(CompetitionEntity, {
      id: competitionId,
    });
    const computed = (await kit.competitions.computeRanking(kit.dataSource.manager, competition)).result
      .ranking;
    const key = (row: { rank: number; entryId: string }) => [row.rank, row.entryId];

    /** Every page of `size`, following the cursors, with the SELECTs of the pages that read the proposal table. */
    async function pages(principal: Principal, size: number) {
      const { result: rows, statements } = await statementsOf(
        kit.dataSource,
        (sql) => /FROM "proposal"/.test(sql) && /LIMIT/.test(sql),
        async () => {
          const seen: RankedRow[] = [];
          let after: string | null = null;
          do {
            const page = await kit.competitions.rankingPage(competitionId, principal, { size, after });
            expect(page.totalCount).toBe(entries.length);
            expect(page.edges.length).toBeLessThanOrEqual(size);
            seen.push(...page.edges.map((edge) => edge.node));
            after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
          } while (after);
          return seen;
        },
      );
      return { rows, statements };
    }

    const provisional = await pages(kit.admin, 2);
    expect(provisional.rows.map(key)).toEqual(computed.map(key));
    expect(provisional.rows.map((row) => row.title)).toEqual(
      computed.map((row) => `Entry ${entries.indexOf(row.entryId) + 1}`),
    );
    await expect(kit.competitions.rankingPage(competitionId, leads[0], ALL)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    await kit.competitions.publishResults(competitionId, kit.admin.memberId);
    const published = await pages(leads[0], 2);
    // the order published is the order computed, ties included, and every page is read along the index
    expect(published.rows.map(key)).toEqual(computed.map(key));
    expect(published.rows.map((row) => row.isWinner)).toEqual(computed.map((row) => row.isWinner));
    expect(published.statements).toHaveLength(3);
    await kit.dataSource.query('ANALYZE proposal');
    for (const statement of published.statements) {
      const plan = await planOf(kit.dataSource, statement);
      expect(plan).toMatch(/Limit[^\n]*\n\s*->\s+Index (Only )?Scan using proposal_ranking_idx/);
      expect(plan).not.toMatch(/\bSort\b|Seq Scan/);
    }
  });

  it('refuses a score edit after publication with a clear state error', async () => {
    const { competitionId, entries, judges } = await judgingCompetition(1, 1);
    await kit.judging.submitScores(sheet(entries[0], 2), judges[0]);
    await kit.competitions.publishResults(competitionId, kit.admin.memberId);
    await expect(kit.judging.submitScores(sheet(entries[0], 4), judges[0])).rejects.toMatchObject({
      code: 'RESULTS_FROZEN',
    });
  });

  it('freezes judging once results are published, and reads every published figure from the frozen results', async () => {
    const { competitionId, entries, leads, judges } = await judgingCompetition(2, 2);
    const [first, second] = entries;
    await kit.judging.submitScores(sheet(first, 4, 'clear aims'), judges[0]);
    await kit.judging.submitScores(sheet(second, 1, 'thin methods'), judges[0]);
    await kit.judging.submitScores(sheet(first, 3, 'feasible'), judges[1]);
    await kit.judging.submitScores(sheet(second, 2, 'unclear impact'), judges[1]);
    await kit.competitions.publishResults(competitionId, kit.admin.memberId);
    const published = await rankingOf(competitionId, leads[0]);
    const feedbackOf = async (proposalId: string) =>
      kit.proposals.feedback(await kit.proposals.entity(proposalId));
    const feedback = await feedbackOf(first);
    expect(published.map((row) => [row.entryId, row.rank, row.isWinner, row.reviewCount])).toEqual([
      [first, 1, true, 2],
      [second, 2, false, 2],
    ]);
    expect(feedback?.map((entry) => entry.comment).sort()).toEqual(['clear aims', 'feasible']);

    // every path that changes what the results were computed from is refused with the same rule
    const frozen = { code: 'RESULTS_FROZEN' };
    await expect(
      kit.judging.declareConflict(first, 'co-author of the lead', judges[0]),
    ).rejects.toMatchObject(frozen);
    await expect(
      kit.judging.unassign(first, judges[0].memberId, true, kit.admin.memberId),
    ).rejects.toMatchObject(frozen);
    await expect(kit.judging.assign(competitionId, kit.admin.memberId)).rejects.toMatchObject(frozen);
    await expect(
      kit.judging.addJudge(competitionId, (await member(['judge'])).memberId, kit.admin.memberId),
    ).rejects.toMatchObject(frozen);
    await expect(kit.proposals.withdraw(second, leads[1])).rejects.toMatchObject(frozen);
    const reviews: Array<{ count: string }> = await kit.dataSource.query(
      `SELECT count(*) FROM review WHERE competition_id = $1`,
      [competitionId],
    );
    expect(Number(reviews[0].count)).toBe(4);

    // even a change that bypasses the service (a repair by hand) does not move a published figure
    await kit.dataSource.query(`DELETE FROM assignment WHERE proposal_id = $1 AND judge_id = $2`, [
      first,
      judges[0].memberId,
    ]);
    await kit.dataSource.query(
      `UPDATE review SET scores = '[{"criterionId":"c1","value":0}]', comment = 'edited'`,
    );
    expect(await rankingOf(competitionId, leads[1])).toEqual(published);
    expect(await feedbackOf(first)).toEqual(feedback);
  });

  it('assigns no entry to a judge whose role was revoked after they joined the pool', async () => {
    const { competitionId, judges } = await judgingCompetition(2, 2);
    const replacement = await member(['judge']);
    await kit.judging.addJudge(competitionId, replacement.memberId, kit.admin.memberId);
    const [revoked] = judges;
    // membership revoked the role and the replica applied it; the pool row stays
    await kit.dataSource.query(`DELETE FROM member_role_replica WHERE member_id = $1 AND role = 'judge'`, [
      revoked.memberId,
    ]);
    await kit.judging.assign(competitionId, kit.admin.memberId);
    const assigned = async (judgeId: string): Promise<number> =>
      Number(
        (
          await kit.dataSource.query(
            `SELECT count(*)::int AS n FROM assignment WHERE competition_id = $1 AND judge_id = $2`,
            [competitionId, judgeId],
          )
        )[0].n,
      );
    expect(await assigned(revoked.memberId)).toBe(0);
    expect(await assigned(replacement.memberId)).toBe(2);
  });

  it('caps named conflicts, hides their kind from the judge, and lets one admin review each, audited', async () => {
    const competition = await kit.openCompetition({ title: 'Named conflicts call' });
    const [first, second, third] = [
      await member(['judge']),
      await member(['judge']),
      await member(['judge']),
    ];
    for (const judge of [first, second, third]) {
      await kit.judging.addJudge(competition.id, judge.memberId, kit.admin.memberId);
    }
    const lead = await member();
    const entry = await kit.draft(competition.id, lead, { title: 'Named' });
    const naming = (judge: Principal) => ({
      judgeId: judge.memberId,
      reason: 'former supervisor of the lead',
    });
    await kit.proposals.submit(entry.id, [naming(first), naming(second)], lead);
    // the cap counts every submission of the proposal together
    await expect(kit.proposals.submit(entry.id, [naming(third)], lead)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: [expect.objectContaining({ field: 'conflictedJudges', rule: 'MAX_NAMED_CONFLICTS' })],
    });
    await kit.startJudging(competition.id);

    const named = (await kit.judging.conflicts(competition.id, ALL)).edges
      .map((edge) => edge.node)
      .filter((c) => c.kind === 'NAMED_BY_APPLICANT');
    expect(named.map((c) => c.reviewStatus)).toEqual(['PENDING', 'PENDING']);
    const conflictOf = (judge: Principal) => named.find((c) => c.judgeId === judge.memberId)?.id as string;

    // the named judge learns only that they cannot review the entry: the same words as a judge not assigned
    const refusal = async (judge: Principal) =>
      kit.judging.openAsJudge(entry.id, judge).then(
        () => 'opened',
        (error: Error) => error.message,
      );
    const namedRefusal = await refusal(first);
    expect(namedRefusal).toBe(await refusal(third));
    expect(namedRefusal).not.toMatch(/NAMED|INSTITUTION|conflict|applicant/i);
    await expect(
      kit.judging.assignManually(entry.id, first.memberId, kit.admin.memberId),
    ).rejects.toMatchObject({
      code: 'CONFLICT_OF_INTEREST',
    });

    // two admins decide the same named conflict at once: one decision stands, the other is told so
    const outcomes = await Promise.allSettled([
      kit.judging.reviewNamedConflict(
        conflictOf(second),
        NamedConflictDecision.ACCEPT,
        'the judge confirmed it',
        kit.admin,
      ),
      kit.judging.reviewNamedConflict(
        conflictOf(second),
        NamedConflictDecision.OVERRULE,
        'no working link found',
        kit.admin,
      ),
    ]);
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: 'NAMED_CONFLICT_ALREADY_REVIEWED' });

    // an overruled named conflict no longer blocks the judge
    const overruled = await kit.judging.reviewNamedConflict(
      conflictOf(first),
      NamedConflictDecision.OVERRULE,
      'no working link in five years',
      kit.admin,
    );
    expect(overruled).toMatchObject({ reviewStatus: 'OVERRULED', reviewedBy: kit.admin.memberId });
    await kit.judging.assignManually(entry.id, first.memberId, kit.admin.memberId);
    expect((await kit.judging.openAsJudge(entry.id, first)).proposal.id).toBe(entry.id);
    const audited = (await kit.judging.auditLog(competition.id, ALL)).edges
      .map((edge) => edge.node)
      .filter((line) => line.action.startsWith('conflict.named.'));
    expect(audited).toHaveLength(2);
    expect(audited.find((line) => line.judgeId === first.memberId)).toMatchObject({
      action: 'conflict.named.overruled',
      actorId: kit.admin.memberId,
      detail: { reason: 'no working link in five years' },
    });
  });

  it('puts nobody on a team without consent: invitees accept or decline, and eligibility counts only accepted members', async () => {
    const competition = await kit.openCompetition({
      title: 'Team consent call',
      eligibility: { requiresInterInstitutionalTeam: true, maxTeamSize: 4, allowedCareerStages: [] },
    });
    const [author, partner, lead, bystander] = [
      await member(),
      await member(),
      await member(),
      await member(),
    ];
    const draft = await kit.draft(competition.id, author, {
      title: 'Consent',
      leadApplicantId: lead.memberId,
      teamMemberIds: [author.memberId, partner.memberId],
    });
    // only the author is on the team; the others are invited
    expect(draft.teamMemberIds).toEqual([author.memberId]);
    const invitations = (await kit.proposals.myInvitations(partner, ALL)).edges.map((edge) => edge.node);
    expect(invitations.map(({ invitation }) => [invitation.proposalId, invitation.status])).toEqual([
      [draft.id, 'PENDING'],
    ]);
    // neither the pending partner (another institution) nor the pending lead counts
    const refused = await kit.proposals.submit(draft.id, [], author).then(
      () => null,
      (error: { details?: { failures?: Array<{ rule: string }> } }) =>
        error.details?.failures?.map((f) => f.rule),
    );
    expect(refused?.sort()).toEqual(['INTER_INSTITUTIONAL', 'LEAD_NOT_ACCEPTED']);
    // an invitation is answered by the invitee only, once
    await expect(kit.proposals.answerInvitation(draft.id, true, bystander)).rejects.toMatchObject({
      code: 'INVITATION_NOT_FOUND',
    });
    await kit.proposals.answerInvitation(draft.id, true, partner);
    await kit.proposals.answerInvitation(draft.id, false, lead);
    await expect(kit.proposals.answerInvitation(draft.id, true, lead)).rejects.toMatchObject({
      code: 'INVITATION_ALREADY_ANSWERED',
    });
    expect((await kit.proposals.entity(draft.id)).teamMemberIds.sort()).toEqual(
      [author.memberId, partner.memberId].sort(),
    );
    // the lead declined: the team names the author as lead instead, and submits
    await kit.draft(competition.id, author, {
      id: draft.id,
      title: 'Consent',
      teamMemberIds: [partner.memberId],
    });
    const submitted = await kit.proposals.submit(draft.id, [], author);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', leadApplicantId: author.memberId });
    expect(submitted.teamMemberIds.sort()).toEqual([author.memberId, partner.memberId].sort());
  });
});
