import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import { competitionSearch, connectionPage } from '../../testing/answers';
import { CreateFundForm } from './funds-page';
import { parseMoney } from './money';
import { CreateFundDocument, FundsDocument } from './operations';

describe('money typed in major units', () => {
  it('becomes whole minor units exactly, without a float', () => {
    expect(parseMoney('1234.56', 'GBP')).toEqual({ amountMinor: 123456 });
    expect(parseMoney('1,234.5', 'GBP')).toEqual({ amountMinor: 123450 });
    expect(parseMoney(' 25 000 ', 'EUR')).toEqual({ amountMinor: 2500000 });
    // 0.1 + 0.2 territory: a float would make 1.15 * 100 = 114.99999999999999
    expect(parseMoney('1.15', 'GBP')).toEqual({ amountMinor: 115 });
    expect(parseMoney('4.35', 'USD')).toEqual({ amountMinor: 435 });
    expect(parseMoney('1500', 'JPY')).toEqual({ amountMinor: 1500 });
    expect(parseMoney('90071992547409.91', 'GBP')).toEqual({ amountMinor: 9007199254740991 });
  });

  it('refuses what is not an amount of the currency instead of rounding it', () => {
    expect(parseMoney('', 'GBP').error).toBe('Required');
    expect(parseMoney('12.345', 'GBP').error).toBe('At most 2 decimals in GBP');
    expect(parseMoney('1500.5', 'JPY').error).toBe('JPY has no minor units: write a whole amount');
    expect(parseMoney('-5', 'GBP').error).toMatch(/amount such as/);
    expect(parseMoney('1e6', 'GBP').error).toMatch(/amount such as/);
    expect(parseMoney('12,34', 'GBP').error).toMatch(/amount such as/);
    expect(parseMoney('0.00', 'GBP').error).toBe('More than zero');
    expect(parseMoney('90071992547409.92', 'GBP').error).toBe('This amount is too large');
  });

  it('sends the fund total as minor units and shows a bad amount at its field', async () => {
    const user = userEvent.setup();
    const created = {
      request: {
        query: CreateFundDocument,
        variables: {
          input: {
            name: 'Surgical education',
            source: 'Royal College',
            total: { amountMinor: 2500050, currency: 'GBP' },
            competitionId: null,
          },
        },
      },
      result: { data: { createFund: { __typename: 'Fund', id: 'f1' } } },
    };
    const competitions = competitionSearch(null, []);
    const funds = {
      request: { query: FundsDocument },
      result: { data: { funds: connectionPage('Fund', [], null) } },
    };
    renderPage(<CreateFundForm />, [competitions, created, funds]);
    await user.type(screen.getByRole('textbox', { name: /name/i }), 'Surgical education');
    await user.type(screen.getByRole('textbox', { name: /source/i }), 'Royal College');
    const total = screen.getByRole('textbox', { name: /total/i });
    await user.type(total, '25,000.505');
    await user.click(screen.getByRole('button', { name: 'Create fund' }));
    expect(total).toHaveAttribute('aria-invalid', 'true');
    expect(total).toHaveAccessibleDescription(/At most 2 decimals in GBP/);
    await waitFor(() => expect(total).toHaveFocus());
    await user.clear(total);
    await user.type(total, '25,000.50');
    await user.click(screen.getByRole('button', { name: 'Create fund' }));
    // the mock answers only the exact variables (2500050 minor units); on success the form starts afresh
    await waitFor(() => expect(total).toHaveValue(''));
    expect(screen.getByRole('textbox', { name: /name/i })).toHaveValue('');
  });
});
