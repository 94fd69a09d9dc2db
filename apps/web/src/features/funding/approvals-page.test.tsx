import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import ApprovalsPage from './approvals-page';
import { ApproveProtectedTimeDocument, ProtectedTimeToApproveDocument } from './operations';
import { connectionPage } from '../../testing/answers';

const allocation = (id: string, name: string, awardTitle: string) => ({
  __typename: 'ProtectedTimeAllocation',
  id,
  weeklyHours: 4,
  from: '2027-01-04',
  to: '2027-12-26',
  status: 'PROPOSED',
  member: { __typename: 'Member', id: `m-${id}`, displayName: name },
  awardId: `a-${id}`,
  awardTitle,
});

const queue = (after: string | undefined, nodes: unknown[], endCursor: string | null) => ({
  request: { query: ProtectedTimeToApproveDocument, variables: after ? { after } : {} },
  result: {
    data: {
      protectedTimeToApprove: connectionPage('ProtectedTimeAllocation', nodes, endCursor, 2),
    },
  },
});

describe('protected time approvals page', () => {
  it('reads the queue from the server a page at a time, and an approval changes its row without reloading', async () => {
    const user = userEvent.setup();
    renderPage(<ApprovalsPage />, [
      queue(undefined, [allocation('t1', 'Ada Obi', 'Simulation pilot')], 'c-1'),
      queue('c-1', [allocation('t2', 'Sam Reed', 'Handover study')], null),
      {
        request: { query: ApproveProtectedTimeDocument, variables: { allocationId: 't2' } },
        result: {
          data: {
            approveProtectedTime: { __typename: 'ProtectedTimeAllocation', id: 't2', status: 'APPROVED' },
          },
        },
      },
      // no second answer for the first page: reloading the queue would fail the test
    ]);
    expect(await screen.findByRole('link', { name: 'Simulation pilot' })).toHaveAttribute(
      'href',
      '/funding/awards/a-t1',
    );
    expect(screen.getByText('1 of 2 shown')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more protected time to approve' }));
    expect(await screen.findByRole('link', { name: 'Handover study' })).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Show more protected time to approve' }),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Approve for Sam Reed' }));
    const row = (await screen.findByText('Approved')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Sam Reed')).toBeInTheDocument();
    // the first page is still shown, its row still waiting
    expect(screen.getByRole('button', { name: 'Approve for Ada Obi' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Simulation pilot' })).toBeInTheDocument();
  });
});
