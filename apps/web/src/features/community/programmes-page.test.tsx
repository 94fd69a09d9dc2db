import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import { MyApplicationsDocument, ProgrammesDocument } from './operations';
import { connectionPage, pagedAnswers } from '../../testing/answers';
import ProgrammesPage from './programmes-page';

const programme = (id: string, title: string) => ({
  __typename: 'Programme',
  id,
  title,
  description: 'Monthly evening sessions',
  mode: 'ONLINE',
  audience: ['RESIDENT'],
  capacity: 20,
  applicationOpensAt: '2026-11-01T09:00:00.000Z',
  applicationClosesAt: '2026-12-01T17:00:00.000Z',
  sessions: [{ __typename: 'ProgrammeSession', id: `${id}-s1`, startsAt: '2027-01-10T18:00:00.000Z' }],
});

const application = (id: string, title: string) => ({
  __typename: 'MyProgrammeApplication',
  id: `a-${id}`,
  programmeId: id,
  status: 'SUBMITTED',
  appliedAt: '2026-11-20T10:00:00.000Z',
  waitlistPosition: null,
  offerExpiresAt: null,
  decidedAt: null,
  programme: programme(id, title),
});

const programmes = (
  after: string | null,
  nodes: ReturnType<typeof programme>[],
  endCursor: string | null,
) => ({
  request: { query: ProgrammesDocument, variables: { communityId: null, ...(after ? { after } : {}) } },
  result: { data: { programmes: connectionPage('Programme', nodes, endCursor, 3) } },
});

const mine = pagedAnswers(MyApplicationsDocument, 'myApplications', 'MyProgrammeApplication');

describe('programmes page', () => {
  it('names the programme of each application from the application itself, and pages both lists', async () => {
    const user = userEvent.setup();
    renderPage(<ProgrammesPage />, [
      programmes(null, [programme('p1', 'Teaching on the wards'), programme('p2', 'Simulation')], 'pc-2'),
      programmes('pc-2', [programme('p3', 'Assessment')], null),
      // applied to a programme that is not on the first page of programmes
      mine(null, [application('p3', 'Assessment')], 'ac-1'),
      mine('ac-1', [application('p9', 'Qualitative methods')], null),
    ]);
    const yours = within(await screen.findByRole('region', { name: 'Your applications' }));
    expect(await yours.findByRole('article', { name: 'Assessment' })).toBeInTheDocument();
    expect(yours.getByText('1 of 2 shown')).toBeInTheDocument();
    await user.click(yours.getByRole('button', { name: 'Show older applications' }));
    expect(await yours.findByRole('article', { name: 'Qualitative methods' })).toBeInTheDocument();
    expect(yours.queryByRole('button', { name: 'Show older applications' })).toBeNull();

    const all = within(screen.getByRole('region', { name: 'All programmes' }));
    expect(all.getAllByRole('article')).toHaveLength(2);
    await user.click(all.getByRole('button', { name: 'Show more programmes' }));
    expect(await all.findByRole('article', { name: 'Assessment' })).toBeInTheDocument();
    expect(all.getAllByRole('article')).toHaveLength(3);
    expect(all.queryByRole('button', { name: 'Show more programmes' })).toBeNull();
  });
});
