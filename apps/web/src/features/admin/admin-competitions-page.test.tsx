import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../testing/render';
import AdminCompetitionsPage from './admin-competitions-page';
import { AdminCompetitionsDocument, CreateCompetitionDocument } from './operations';

const admin = {
  id: 'a1',
  displayName: 'Ada Admin',
  roles: [{ role: 'ADMIN' as const, institutionId: null }],
};

const noCompetitions = {
  request: { query: AdminCompetitionsDocument },
  result: {
    data: {
      competitions: {
        __typename: 'CompetitionConnection',
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: [],
      },
    },
  },
};

async function submitWithFunding(amount: string, currency = 'GBP') {
  const created = vi.fn(() => ({ data: { createCompetition: { __typename: 'Competition', id: 'c1' } } }));
  const sent: Array<Record<string, unknown>> = [];
  const create = {
    request: {
      query: CreateCompetitionDocument,
      variables: (variables: Record<string, unknown>) => {
        sent.push(variables);
        return true;
      },
    },
    result: created,
  };
  renderPage(<AdminCompetitionsPage />, [noCompetitions, create], admin);
  const user = userEvent.setup();
  await user.type(await screen.findByRole('textbox', { name: /^Title/ }), 'Seed grants');
  await user.type(screen.getByRole('textbox', { name: /Criterion 1: name/ }), 'Rigour');
  const currencyField = screen.getByRole('textbox', { name: 'Currency (ISO 4217)' });
  await user.clear(currencyField);
  await user.type(currencyField, currency);
  const funding = screen.getByRole('textbox', { name: 'Funding available' });
  await user.clear(funding);
  await user.type(funding, amount);
  await user.click(screen.getByRole('button', { name: 'Create competition' }));
  return { funding, created, sent };
}

describe('the new competition form', () => {
  it('sends an amount the currency can state as its minor units', async () => {
    const { created, sent } = await submitWithFunding('2500.5');
    await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
    expect(sent[0]).toMatchObject({
      input: { fundingAvailableMoney: { amountMinor: 250050, currency: 'GBP' } },
    });
  });

  it('refuses more decimals than the currency has, at the field, instead of rounding them', async () => {
    const { funding, created } = await submitWithFunding('1000.555');
    expect(await screen.findByText('At most 2 decimals in GBP')).toBeInTheDocument();
    expect(funding).toHaveAttribute('aria-invalid', 'true');
    expect(funding).toHaveAccessibleDescription('At most 2 decimals in GBP');
    expect(created).not.toHaveBeenCalled();
  });

  it('refuses any decimal in a currency without minor units', async () => {
    const { created } = await submitWithFunding('500000.5', 'JPY');
    expect(await screen.findByText('JPY has no minor units: write a whole amount')).toBeInTheDocument();
    expect(created).not.toHaveBeenCalled();
  });
});
