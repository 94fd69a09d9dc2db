import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { connectionPage, foundMember, memberSearch } from '../../testing/answers';
import { renderPage } from '../../testing/render';
import { JudgePool, Ranking } from './admin-competition-page';
import { activitySummary, JudgingActivity } from './judging-activity';
import {
  AddJudgeDocument,
  CompetitionJudgesDocument,
  CompetitionRankingDocument,
  JudgingActivityDocument,
} from './operations';

const admin = {
  id: 'a1',
  displayName: 'Ada Admin',
  roles: [{ role: 'ADMIN' as const, institutionId: null }],
};

const line = (
  id: string,
  action: string,
  at: string,
  who: { actorId?: string | null; judgeId?: string | null; proposalId?: string | null; detail?: object } = {},
) => ({
  __typename: 'JudgingAuditEntry',
  id,
  action,
  actorId: who.actorId ?? null,
  judgeId: who.judgeId ?? null,
  proposalId: who.proposalId ?? null,
  detail: JSON.stringify(who.detail ?? {}),
  at,
});

const activity = (after: string | undefined, lines: unknown[], endCursor: string | null, total: number) => ({
  request: {
    query: JudgingActivityDocument,
    variables: after ? { competitionId: 'c1', after } : { competitionId: 'c1' },
  },
  result: { data: { judgingAuditLog: connectionPage('JudgingAuditEntry', lines, endCursor, total) } },
});

const pool = {
  request: { query: CompetitionJudgesDocument, variables: { competitionId: 'c1' } },
  result: {
    data: {
      competitionJudges: connectionPage(
        'CompetitionJudge',
        [
          {
            __typename: 'CompetitionJudge',
            judge: { __typename: 'Member', id: 'j1', displayName: 'Dr Ben Cole' },
            addedAt: '2026-11-01T09:00:00.000Z',
          },
        ],
        null,
        1,
      ),
    },
  },
};

const ranking = {
  request: { query: CompetitionRankingDocument, variables: { id: 'c1' } },
  result: {
    data: {
      competitionRanking: {
        __typename: 'CompetitionRanking',
        published: false,
        entries: connectionPage(
          'RankedEntry',
          [
            {
              __typename: 'RankedEntry',
              rank: 1,
              proposalId: 'p1',
              title: 'Sepsis bundle audit',
              normalisedScore: 1.2,
              meanRawScore: 70,
              reviewCount: 3,
              isWinner: false,
            },
          ],
          null,
        ),
      },
    },
  },
};

/** Who and what each row of the activity table names (its cells after the time and the action). */
function rows(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      Array.from(row.querySelectorAll('td, th'))
        .slice(2)
        .map((cell) => cell.textContent),
    );
}

describe('judging activity', () => {
  it('names each action, and the judges and entries the page has loaded, never showing the raw detail', async () => {
    renderPage(
      <>
        <JudgePool competitionId="c1" />
        <Ranking competitionId="c1" />
        <JudgingActivity competitionId="c1" />
      </>,
      [
        pool,
        ranking,
        activity(
          undefined,
          [
            line('e4', 'SCORE_EDITED', '2026-11-05T10:00:00.000Z', {
              actorId: 'j1',
              judgeId: 'j1',
              proposalId: 'p1',
              detail: { scores: [{ criterionId: 'k1', score: 4 }], previous: [] },
            }),
            line('e3', 'ASSIGNMENT_ADDED', '2026-11-04T10:00:00.000Z', {
              actorId: 'a1',
              judgeId: 'j1',
              proposalId: 'p1',
              detail: { origin: 'MANUAL' },
            }),
            line('e2', 'CONFLICT_NAMED_BY_APPLICANT', '2026-11-03T10:00:00.000Z', {
              actorId: 'm9',
              judgeId: 'j7',
              proposalId: 'p8',
              detail: { reason: 'She supervises my thesis' },
            }),
            line('e1', 'CONFLICT_CLEARED', '2026-11-02T10:00:00.000Z', {
              judgeId: 'j1',
              proposalId: 'p8',
              detail: { kind: 'SAME_INSTITUTION', reason: 'Both at North Hospital', memberIds: ['m9'] },
            }),
            line('e0', 'RESULTS_PUBLISHED', '2026-11-01T10:00:00.000Z', {
              actorId: 'a1',
              detail: { entries: 12, winners: ['p1', 'p2'] },
            }),
          ],
          null,
          5,
        ),
      ],
      admin,
    );
    const section = screen.getByRole('region', { name: 'Judging activity' });
    const table = await within(section).findByRole('table', { name: 'Judging activity' });
    expect(await within(table).findAllByText('Sepsis bundle audit')).toHaveLength(2);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['When', 'What happened', 'By', 'Judge', 'Entry', 'Details']);
    expect(rows(table)).toEqual([
      ['Dr Ben Cole', 'Dr Ben Cole', 'Sepsis bundle audit', ''],
      ['Ada Admin (you)', 'Dr Ben Cole', 'Sepsis bundle audit', 'By hand'],
      ['A member', 'A judge', 'An entry', ''],
      ['Automatically', 'Dr Ben Cole', 'An entry', 'Same institution'],
      ['Ada Admin (you)', '', '', '12 ranked, 2 winners'],
    ]);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Scores edited',
      'Entry assigned to a judge',
      'Conflict named by the applicants',
      'Conflict of interest cleared',
      'Results published',
    ]);
    // the first column is the time, machine-readable for assistive technology
    expect(within(table).getAllByRole('cell')[0].querySelector('time')).toHaveAttribute(
      'datetime',
      '2026-11-05T10:00:00.000Z',
    );
    expect(within(section).getByText('5 actions recorded.')).toBeInTheDocument();
    expect(section).not.toHaveTextContent('She supervises my thesis');
    expect(section).not.toHaveTextContent('{');
  });

  it('shows the next page after the last one shown, busy while it loads', async () => {
    const user = userEvent.setup();
    renderPage(<JudgingActivity competitionId="c1" />, [
      activity(
        undefined,
        [line('e3', 'JUDGE_ADDED', '2026-11-03T10:00:00.000Z', { judgeId: 'j3' })],
        'cur-1',
        3,
      ),
      {
        ...activity(
          'cur-1',
          [
            line('e2', 'ASSIGNMENT_RUN', '2026-11-02T10:00:00.000Z', {
              detail: { entries: 1, judges: 4, keptStarted: 0, pins: 0, loadBand: [1, 1] },
            }),
            line('e1', 'COMPETITION_CANCELLED', '2026-11-01T10:00:00.000Z'),
          ],
          null,
          3,
        ),
        delay: 100,
      },
    ]);
    const table = await screen.findByRole('table', { name: 'Judging activity' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Judge added to the pool']);
    expect(screen.getByText('1 of 3 shown')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show more activity' }));
    const busy = screen.getByRole('button', { name: 'Loading…' });
    expect(busy).toHaveAttribute('aria-disabled', 'true');

    expect(await within(table).findByText('Competition cancelled')).toBeInTheDocument();
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Judge added to the pool', 'Judges assigned automatically', 'Competition cancelled']);
    expect(within(table).getByText('1 entry, 4 judges')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more activity' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('2 more shown.');
  });

  it('is fetched again when the admin adds a judge on the page, naming the judge added', async () => {
    const user = userEvent.setup();
    renderPage(
      <>
        <JudgePool competitionId="c1" />
        <JudgingActivity competitionId="c1" />
      </>,
      [
        pool,
        activity(undefined, [], null, 0),
        memberSearch('Eve', 'JUDGE', [foundMember('j9', 'Dr Eve Fox')]),
        {
          request: { query: AddJudgeDocument, variables: { competitionId: 'c1', memberId: 'j9' } },
          result: {
            data: {
              addJudge: {
                __typename: 'CompetitionJudge',
                judge: { __typename: 'Member', id: 'j9', displayName: 'Dr Eve Fox' },
                addedAt: '2026-12-02T04:00:00.000Z',
              },
            },
          },
        },
        activity(
          undefined,
          [line('e1', 'JUDGE_ADDED', '2026-12-02T04:00:00.000Z', { actorId: 'a1', judgeId: 'j9' })],
          null,
          1,
        ),
      ],
      admin,
    );
    expect(await screen.findByText('Nothing has been done in judging yet.')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Find a judge by name' }), 'Eve');
    await user.click(await screen.findByRole('button', { name: 'Add Dr Eve Fox' }));
    const table = await screen.findByRole('table', { name: 'Judging activity' });
    expect(rows(table)).toEqual([['Ada Admin (you)', 'Dr Eve Fox', '', '']]);
  });

  it('says when nothing has been done yet', async () => {
    renderPage(<JudgingActivity competitionId="c1" />, [activity(undefined, [], null, 0)]);
    expect(await screen.findByText('Nothing has been done in judging yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a refusal in words', async () => {
    renderPage(<JudgingActivity competitionId="c1" />, [
      {
        request: { query: JudgingActivityDocument, variables: { competitionId: 'c1' } },
        result: {
          errors: [{ message: 'Only administrators may do this.', extensions: { code: 'FORBIDDEN' } }],
        },
      },
    ]);
    const section = screen.getByRole('region', { name: 'Judging activity' });
    expect(await within(section).findByRole('alert')).toHaveTextContent('Only administrators may do this.');
  });
});

describe('activitySummary', () => {
  it('reads only the fields it knows, and nothing from a detail it cannot read', () => {
    expect(activitySummary('ASSIGNMENT_ADDED', '{"origin":"AUTOMATIC","affinity":3}')).toBe(
      'By the automatic run',
    );
    expect(activitySummary('RESULTS_PUBLISHED', '{"entries":1,"winners":["p1"]}')).toBe('1 ranked, 1 winner');
    expect(activitySummary('CONFLICT_RECORDED', '{"kind":"JUDGE_ON_TEAM","reason":"x"}')).toBe(
      'Judge on the team',
    );
    expect(activitySummary('CONFLICT_RECORDED', '{"kind":"toString"}')).toBe('');
    expect(activitySummary('ASSIGNMENT_RUN', '{"entries":"many"}')).toBe('');
    expect(activitySummary('SCORE_SUBMITTED', '{"scores":[1,2]}')).toBe('');
    expect(activitySummary('ASSIGNMENT_REMOVED', 'not json')).toBe('');
    expect(activitySummary('JUDGE_ADDED', 'null')).toBe('');
  });
});
