import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { badUserInput } from '../../testing/answers';
import { renderPage } from '../../testing/render';
import ConfirmationsPage from './confirmations-page';
import {
  CareerStageChangesToConfirmDocument,
  ConfirmRegistrationDocument,
  InstitutionChangesToConfirmDocument,
  RegistrationsToConfirmDocument,
  RejectCareerStageChangeDocument,
  RejectRegistrationDocument,
} from './operations';

const member = (id: string, displayName: string) => ({ __typename: 'Member', id, displayName });
const institution = (id: string, name: string) => ({ __typename: 'Institution', id, name });

/** One page of a connection of requests (`after`: the cursor it answers; `endCursor`: where the next starts). */
const page = (
  query: DocumentNode,
  field: string,
  typename: string,
  items: unknown[],
  options: { after?: string; endCursor?: string; totalCount?: number } = {},
) => ({
  request: { query, variables: options.after ? { after: options.after } : {} },
  result: {
    data: {
      [field]: {
        __typename: `${typename}Connection`,
        totalCount: options.totalCount ?? items.length,
        pageInfo: {
          __typename: 'PageInfo',
          hasNextPage: options.endCursor !== undefined,
          endCursor: options.endCursor ?? null,
        },
        edges: items.map((node) => ({ __typename: `${typename}Edge`, node })),
      },
    },
  },
});

const registration = (id: string, name: string) => ({
  __typename: 'RegistrationConfirmation',
  id,
  status: 'PENDING',
  reason: null,
  requestedAt: '2026-11-30T10:00:00.000Z',
  careerStage: 'RESIDENT',
  member: member(`m-${id}`, name),
  institution: institution('i1', 'St Elsewhere'),
});

const registrations = (items: unknown[], options?: Parameters<typeof page>[4]) =>
  page(RegistrationsToConfirmDocument, 'registrationsToConfirm', 'RegistrationConfirmation', items, options);
const noMoves = page(
  InstitutionChangesToConfirmDocument,
  'institutionChangesToConfirm',
  'InstitutionChange',
  [],
);
const stageChanges = page(
  CareerStageChangesToConfirmDocument,
  'careerStageChangesToConfirm',
  'CareerStageChange',
  [
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
);

const waiting = [
  registrations([{ ...registration('r1', 'Ada Obi'), member: member('m1', 'Ada Obi') }]),
  noMoves,
  stageChanges,
];

const decided = (typename: string, field: string, id: string, status: string, reason: string | null) => ({
  data: { [field]: { __typename: typename, id, status, reason, decidedAt: '2026-12-01T10:00:00.000Z' } },
});

describe('confirmations page', () => {
  it('lists what waits, each kind in its section, and says when a kind has nothing', async () => {
    renderPage(<ConfirmationsPage />, waiting);
    const ada = await screen.findByRole('article', { name: 'Ada Obi' });
    expect(ada).toHaveTextContent('Registered at St Elsewhere as Resident');
    expect(
      within(screen.getByRole('region', { name: 'Career stage changes' })).getByRole('article'),
    ).toHaveTextContent('Changes career stage from Resident to Consultant');
    expect(screen.getByRole('region', { name: 'Institution moves' })).toHaveTextContent(
      'No institution move waits',
    );
  });

  it('pages each kind on its own: how many of how many are shown, and the next page under the first', async () => {
    const user = userEvent.setup();
    renderPage(<ConfirmationsPage />, [
      registrations([registration('r1', 'Ada Obi'), registration('r2', 'Cai Dee')], {
        endCursor: 'r-2',
        totalCount: 3,
      }),
      registrations([registration('r3', 'Eve Fox')], { after: 'r-2', totalCount: 3 }),
      noMoves,
      stageChanges,
    ]);
    const section = await screen.findByRole('region', { name: 'New members' });
    await within(section).findByRole('article', { name: 'Cai Dee' });
    expect(section).toHaveTextContent('2 of 3 shown');
    // the other kinds have no more to show: no button, no count
    expect(screen.getAllByRole('button', { name: /^Show more/ })).toHaveLength(1);
    await user.click(within(section).getByRole('button', { name: 'Show more new members' }));
    expect(await within(section).findByRole('article', { name: 'Eve Fox' })).toBeInTheDocument();
    expect(within(section).getAllByRole('article')).toHaveLength(3);
    expect(within(section).queryByRole('button', { name: 'Show more new members' })).toBeNull();
    expect(section).not.toHaveTextContent('of 3 shown');
  });

  it('confirms, and the card shows the outcome in place of the buttons', async () => {
    const user = userEvent.setup();
    const confirm = {
      request: { query: ConfirmRegistrationDocument, variables: { id: 'r1' } },
      delay: 300,
      result: decided('RegistrationConfirmation', 'confirmRegistration', 'r1', 'CONFIRMED', null),
    };
    renderPage(<ConfirmationsPage />, [...waiting, confirm]);
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
    renderPage(<ConfirmationsPage />, [...waiting, refused]);
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
      expect(reason).toHaveAccessibleDescription(/^Must be 1 to 500 characters of plain text/),
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
    renderPage(<ConfirmationsPage />, [...waiting, late]);
    const ada = await screen.findByRole('article', { name: 'Ada Obi' });
    await user.click(within(ada).getByRole('button', { name: 'Reject Ada Obi’s request' }));
    await user.type(within(ada).getByRole('textbox', { name: /reason/i }), 'Not on our staff list');
    await user.click(within(ada).getByRole('button', { name: 'Reject' }));
    expect(await within(ada).findByRole('alert')).toHaveTextContent('this change is already confirmed');
    expect(within(ada).queryByRole('button')).toBeNull();
  });
});
