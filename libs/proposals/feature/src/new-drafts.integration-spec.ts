import { Client } from 'pg';
import { countQueries, waitFor } from '@praxis/platform/testing';
import { ProposalEntity } from '@praxis/proposals/data-access';
import { CompetitionPhase, ProposalsErrorCode } from '@praxis/proposals/domain';
import { startProposalsServices, type ProposalsServicesKit } from './testing/services-kit';

/**
 * A new draft is one statement (`NewDrafts`), against real PostgreSQL: what it writes, what it sends, and the
 * competition lock's guarantee that no draft enters a competition that is no longer OPEN.
 */
describe('new drafts against PostgreSQL', () => {
  let kit: ProposalsServicesKit;

  beforeAll(async () => {
    kit = await startProposalsServices('proposals_new_drafts');
  });

  afterAll(async () => {
    await kit?.close();
  });

  async function invitationsOf(proposalId: string) {
    const rows: Array<{ member_id: string; status: string; invited_by: string; answered: boolean }> =
      await kit.dataSource.query(
        `SELECT member_id, status, invited_by, answered_at IS NOT NULL AS answered
           FROM team_invitation WHERE proposal_id = $1 ORDER BY status, member_id`,
        [proposalId],
      );
    return rows;
  }

  async function draftsIn(competitionId: string): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await kit.dataSource.query(
      'SELECT count(*)::int AS count FROM proposal WHERE competition_id = $1',
      [competitionId],
    );
    return count;
  }

  it('writes the draft and its team in one statement, returning the row as stored', async () => {
    const competition = await kit.openCompetition({ title: 'One statement' });
    const [author, invitee] = [await kit.member(), await kit.member()];
    await kit.draft(competition.id, author); // the competition's currency is read once, then kept
    const { result: saved, queries } = await countQueries(kit.dataSource, () =>
      kit.draft(competition.id, author, {
        title: '  Handover  ',
        keywords: ['Simulation', 'simulation', 'Teaching'],
        teamMemberIds: [invitee.memberId.toUpperCase()],
        requestedFunding: 1234.5,
        requestedHours: 12.5,
      }),
    );
    expect(queries).toHaveLength(1);
    const stored = await kit.dataSource.getRepository(ProposalEntity).findOneByOrFail({ id: saved.id });
    expect(saved).toEqual(stored);
    expect(stored).toMatchObject({
      competitionId: competition.id,
      status: 'DRAFT',
      title: 'Handover',
      keywords: ['simulation', 'teaching'],
      teamMemberIds: [author.memberId],
      currency: 'GBP',
      requestedFundingMinor: 123_450,
      requestedHours: 12.5,
      submittedVersion: 0,
      firstSubmittedAt: null,
      rank: null,
      createdBy: author.memberId,
    });
    expect(await invitationsOf(saved.id)).toEqual([
      { member_id: author.memberId, status: 'ACCEPTED', invited_by: author.memberId, answered: true },
      { member_id: invitee.memberId, status: 'PENDING', invited_by: author.memberId, answered: false },
    ]);
  });

  it('refuses a draft into an unknown competition, or one past OPEN, naming the phase', async () => {
    const author = await kit.member();
    await expect(kit.draft('6f1b0c1e-3a4b-4c5d-8e9f-0a1b2c3d4e5f', author)).rejects.toMatchObject({
      code: ProposalsErrorCode.NOT_FOUND,
    });
    const competition = await kit.openCompetition({ title: 'Published' });
    await kit.draft(competition.id, author);
    await kit.dataSource.query('UPDATE competition SET phase = $2 WHERE id = $1', [
      competition.id,
      CompetitionPhase.RESULTS_PUBLISHED,
    ]);
    await expect(kit.draft(competition.id, author)).rejects.toMatchObject({
      code: ProposalsErrorCode.RESULTS_FROZEN,
    });
    await kit.dataSource.query('UPDATE competition SET phase = $2 WHERE id = $1', [
      competition.id,
      CompetitionPhase.CANCELLED,
    ]);
    await expect(kit.draft(competition.id, author)).rejects.toMatchObject({
      code: ProposalsErrorCode.WRONG_STATE,
      details: { phase: CompetitionPhase.CANCELLED },
    });
    expect(await draftsIn(competition.id)).toBe(1);
  });

  it('lets no draft in once a phase change committed while it waited for the competition lock', async () => {
    const competition = await kit.openCompetition({ title: 'Racing the close' });
    const author = await kit.member();
    await kit.draft(competition.id, author);
    const closer = new Client({ connectionString: kit.databaseUrl });
    await closer.connect();
    try {
      // the phase change holds the row as startJudging does, and the draft's statement queues behind it
      await closer.query('BEGIN');
      await closer.query('SELECT 1 FROM competition WHERE id = $1 FOR UPDATE', [competition.id]);
      await closer.query('UPDATE competition SET phase = $2 WHERE id = $1', [
        competition.id,
        CompetitionPhase.JUDGING,
      ]);
      const drafts = [kit.draft(competition.id, author), kit.draft(competition.id, author)].map((draft) =>
        draft.then(
          () => 'saved',
          (error: { code?: string; details?: unknown }) => error,
        ),
      );
      await waitFor(async () => {
        const [{ waiting }]: Array<{ waiting: number }> = await kit.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'WITH locked AS%'`,
        );
        return waiting === 2;
      });
      await closer.query('COMMIT');
      expect(await Promise.all(drafts)).toEqual([
        expect.objectContaining({ code: ProposalsErrorCode.WRONG_STATE, details: { phase: 'JUDGING' } }),
        expect.objectContaining({ code: ProposalsErrorCode.WRONG_STATE, details: { phase: 'JUDGING' } }),
      ]);
      expect(await draftsIn(competition.id)).toBe(1);
    } finally {
      await closer.end();
    }
  });
});
