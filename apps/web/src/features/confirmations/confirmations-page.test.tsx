import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { badUserInput } from '../../testing/answers';
import { renderPage } from '../../testing/render';
import ConfirmationsPage from './confirmations-page';
import {
  ConfirmRegistrationDocument,
  ConfirmationsDocument,
  RejectCareerStageChangeDocument,
  RejectRegistrationDocument,
} from './operations';

const member = (id: string, displayName: string) => ({ __typename: 'Member', id, displayName });
const institution = (id: string, name: string) => ({ __typename: 'Institution', id, name });

const waiting = {
  request: { query: ConfirmationsDocument },
  result: {
    data: {
      registrationsToConfirm: [
        {
          __typename: 'RegistrationConfirmation',
          id: 'r1',
          status: 'PENDING',
          reason: null,
          requestedAt: '2026-11-30T10:00:00.000Z',
          careerStage: 'RESIDENT',
          member: member('m1', 'Ada Obi'),
          institution: institution('i1', 'St Elsewhere'),
        },
      ],
      institutionChangesToConfirm: [],
      careerStageChangesToConfirm: [
        {
          __typename: 'CareerStageChange',
          id: 'c1',
          status: 'PENDING',
          reason: null,
          requestedAt: '2026-11-29T10:00:00.000Z',
          fromStage: 'RESIDENT',
          toStage: 'CONSULTANT',
          member: member('m2', 'Ben Kay'),
        },
      ],
    },
  },
};

const decided = (typename: string, field: string, id: string, status: string, reason: string | null) => ({
  data: { [field]: { __typename: typename, id, status, reason, decidedAt: '2026-12-01T10:00:00.000Z' } },
});

describe('confirmations page', () => {
  it('lists what waits, each kind in its section, and says when a kind has nothing', async () => {
    renderPage(<ConfirmationsPage />, [waiting]);
    const ada = await screen.findByRole('article', { name: 'Ada Obi' });
    expect(ada).toHaveTextContent('Registered at St Elsewhere as Resident');
    expect(
      within(screen.getByRole('region', { name: 'Career stage changes' })).getByRole('article'),
    ).toHaveTextContent('Changes career stage from Resident to Consultant');
    expect(screen.getByRole('region', { name: 'Institution moves' })).toHaveTextContent(
      'No institution move waits',
    );
  });

  it('confirms, and the card shows the outcome in place of the buttons', async () => {
    const user = userEvent.setup();
    const confirm = {
      request: { query: ConfirmRegistrationDocument, variables: { id: 'r1' } },
      delay: 300,
      result: decided('RegistrationConfirmation', 'confirmRegistration', 'r1', 'CONFIRMED', null),
    };
    renderPage(<ConfirmationsPage />, [waiting, confirm]);
    const ada = await screen.findByRole('article', { name: 'Ada Obi' });
    await user.click(within(ada).getByRole('button', { name: 'Confirm Ada Obi’s request' }));
    await waitFor(() => expect(within(ada).getByText('Confirmed')).toBeInTheDocument());
    expect(within(ada).queryByRole('button')).toBeNull();
  });

  it('asks for a reason at its field, then puts the server’s refusal of it there too', async () => {
    const user = userEvent.setup();
    const refused = {
      request: { query: RejectCareerStageChangeDocument, variables: { id: 'c1', reason: '<b>' } },
      result: badUserInput({
        field: 'reason',
        rule: 'reason',
        message: 'must be 1 to 500 characters of plain text',
      }),
    };
    renderPage(<ConfirmationsPage />, [waiting, refused]);
    const ben = await screen.findByRole('article', { name: 'Ben Kay' });
    await user.click(within(ben).getByRole('button', { name: 'Reject Ben Kay’s request' }));
    const reason = within(ben).getByRole('textbox', { name: /reason/i });
    await waitFor(() => expect(reason).toHaveFocus());
    await user.click(within(ben).getByRole('button', { name: 'Reject' }));
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(/Say why you reject it/);
    await user.type(reason, '<b>');
    await user.click(within(ben).getByRole('button', { name: 'Reject' }));
    await waitFor(() =>
      expect(reason).toHaveAccessibleDescription(/must be 1 to 500 characters of plain text/),
    );
  });

  it('shows the server’s answer when another lead decided first, and offers no more buttons', async () => {
    const user = userEvent.setup();
    const late = {
      request: {
        query: RejectRegistrationDocument,
        variables: { id: 'r1', reason: 'Not on our staff list' },
      },
      result: {
        errors: [
          { message: 'this change is already confirmed', extensions: { code: 'FAILED_PRECONDITION' } },
        ],
      },
    };
    renderPage(<ConfirmationsPage />, [waiting, late]);
    const ada = await screen.findByRole('article', { name: 'Ada Obi' });
    await user.click(within(ada).getByRole('button', { name: 'Reject Ada Obi’s request' }));
    await user.type(within(ada).getByRole('textbox', { name: /reason/i }), 'Not on our staff list');
    await user.click(within(ada).getByRole('button', { name: 'Reject' }));
    expect(await within(ada).findByRole('alert')).toHaveTextContent('this change is already confirmed');
    expect(within(ada).queryByRole('button')).toBeNull();
  });
});
