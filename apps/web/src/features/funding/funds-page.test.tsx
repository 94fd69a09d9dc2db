import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { badUserInput, competitionSearch, connectionPage } from '../../testing/answers';
import { renderPage } from '../../testing/render';
import { CreateFundForm } from './funds-page';
import { CreateFundDocument, FundsDocument } from './operations';

/** The fund both tests fill in: 1,000.00 GBP from the Royal College, paying one competition's winners or none. */
function createSimulationFund(competitionId: string | null) {
  return {
    query: CreateFundDocument,
    variables: {
      input: {
        name: 'Simulation',
        source: 'Royal College',
        total: { amountMinor: 100000, currency: 'GBP' },
        competitionId,
      },
    },
  };
}

async function fillSimulationFund(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.type(screen.getByRole('textbox', { name: /name/i }), 'Simulation');
  await user.type(screen.getByRole('textbox', { name: /source/i }), 'Royal College');
  await user.type(screen.getByRole('textbox', { name: /total/i }), '1000');
}

describe('a new fund', () => {
  it('pays the winners of a competition found by title on the server, not one of the newest offered', async () => {
    const user = userEvent.setup();
    const newest = Array.from({ length: 20 }, (_, i) => ({ id: `c-${i}`, title: `Call ${i}` }));
    renderPage(<CreateFundForm />, [
      competitionSearch(null, newest),
      competitionSearch('Ward', [{ id: 'c-old', title: 'Ward simulation 2019' }]),
      {
        request: createSimulationFund('c-old'),
        result: { data: { createFund: { __typename: 'Fund', id: 'f1' } } },
      },
      {
        request: { query: FundsDocument },
        result: { data: { funds: connectionPage('Fund', [], null) } },
      },
    ]);
    await fillSimulationFund(user);
    const competition = screen.getByRole('combobox', { name: /pays the winners of/i });
    await user.click(competition);
    expect(await screen.findByRole('option', { name: 'Call 0' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Ward simulation 2019' })).not.toBeInTheDocument();
    await user.type(competition, 'Ward');
    await user.click(await screen.findByRole('option', { name: 'Ward simulation 2019' }));
    await user.click(screen.getByRole('button', { name: 'Create fund' }));
    // the mock answers only a fund for that competition; on success the form starts afresh
    await waitFor(() => expect(screen.getByRole('textbox', { name: /name/i })).toHaveValue(''));
  });

  it('shows the server’s refusal of the amount (input.total.amountMinor) at the Total field, not away from it', async () => {
    const user = userEvent.setup();
    renderPage(<CreateFundForm />, [
      competitionSearch(null, []),
      {
        request: createSimulationFund(null),
        result: badUserInput({
          field: 'input.total.amountMinor',
          rule: 'max',
          message: 'must not be more than 50000000',
        }),
      },
    ]);
    await fillSimulationFund(user);
    await user.click(screen.getByRole('button', { name: 'Create fund' }));
    const total = screen.getByRole('textbox', { name: /total/i });
    await waitFor(() => expect(total).toHaveAttribute('aria-invalid', 'true'));
    expect(total).toHaveAccessibleDescription(/Must not be more than 50000000/);
    expect(screen.getByRole('textbox', { name: /name/i })).not.toHaveAttribute('aria-invalid', 'true');
  });
});
