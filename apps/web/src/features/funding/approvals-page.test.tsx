import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../testing/render';
import ApprovalsPage from './approvals-page';
import {
  ApproveProtectedTimeDocument,
  ProtectedTimeToApproveDocument,
  RejectProtectedTimeDocument,
} from './operations';
import { pagedAnswers } from '../../testing/answers';

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
  decisionReason: null,
});

const queue = pagedAnswers(
  ProtectedTimeToApproveDocument,
  'protectedTimeToApprove',
  'ProtectedTimeAllocation',
);

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

  it('rejects with a required reason: checked before sending, refused by the server at the field, then the row says why', async () => {
    const user = userEvent.setup();
    const reason = 'The rota cannot release these sessions this year';
    const rejected = vi.fn(() => ({
      data: {
        rejectProtectedTime: {
          __typename: 'ProtectedTimeAllocation',
          id: 't1',
          status: 'REJECTED',
          decisionReason: reason,
        },
      },
    }));
    renderPage(<ApprovalsPage />, [
      queue(undefined, [allocation('t1', 'Ada Obi', 'Simulation pilot')], null),
      {
        request: { query: RejectProtectedTimeDocument, variables: { allocationId: 't1', reason: 'No' } },
        result: {
          errors: [
            {
              message: 'Invalid input',
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'reason', message: 'must say why, in at most 1,000 characters' }],
              },
            },
          ],
        },
      },
      {
        request: { query: RejectProtectedTimeDocument, variables: { allocationId: 't1', reason } },
        result: rejected,
        delay: 200,
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Reject for Ada Obi' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject the protected time for Ada Obi' });
    const field = within(dialog).getByRole('textbox', { name: /Reason/ });
    // every button of the dialog is named (its close button too)
    for (const button of within(dialog).getAllByRole('button')) expect(button).toHaveAccessibleName();

    // nothing typed: refused before anything is sent, at the field, which takes the focus
    await user.click(within(dialog).getByRole('button', { name: 'Reject the protected time' }));
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Say why the time is not released'));

    // the server's refusal is shown at the field too
    await user.type(field, 'No');
    await user.click(within(dialog).getByRole('button', { name: 'Reject the protected time' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        expect.stringContaining('Must say why, in at most 1,000 characters'),
      ),
    );
    expect(screen.getByRole('button', { name: 'Reject for Ada Obi' })).toBeInTheDocument();

    await user.clear(field);
    await user.type(field, reason);
    await user.click(within(dialog).getByRole('button', { name: 'Reject the protected time' }));
    // busy while the rejection is on its way
    expect(within(dialog).getByRole('button', { name: 'Reject the protected time' })).toHaveAttribute(
      'data-loading',
    );
    await waitFor(() => expect(rejected).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // the row changes in place from the answer: no button left, the status and the reason shown
    const row = screen.getByRole('link', { name: 'Simulation pilot' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Rejected')).toBeInTheDocument();
    expect(within(row).getByText(`Reason: ${reason}`)).toBeInTheDocument();
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows a refusal that names no field (another lead decided first) at the reason', async () => {
    const user = userEvent.setup();
    renderPage(<ApprovalsPage />, [
      queue(undefined, [allocation('t1', 'Ada Obi', 'Simulation pilot')], null),
      {
        request: {
          query: RejectProtectedTimeDocument,
          variables: { allocationId: 't1', reason: 'Not this year' },
        },
        result: {
          errors: [
            {
              message: 'this allocation was already decided',
              extensions: { code: 'FAILED_PRECONDITION' },
            },
          ],
        },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Reject for Ada Obi' }));
    const field = await screen.findByRole('textbox', { name: /Reason/ });
    await user.type(field, 'Not this year');
    await user.click(screen.getByRole('button', { name: 'Reject the protected time' }));
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription(
        expect.stringContaining('this allocation was already decided'),
      ),
    );
    await waitFor(() => expect(field).toHaveFocus());
  });
});
