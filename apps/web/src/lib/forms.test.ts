import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it, vi } from 'vitest';
import { showFieldErrors } from './forms';

const refused = (fields: { field: string; rule: string; message: string }[]) =>
  new CombinedGraphQLErrors({
    errors: [{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fields } }],
  });

describe('server field errors on a form', () => {
  it('puts a list item’s field error (sessions[0].theme) on that item’s field', () => {
    const form = { values: { title: '', sessions: [{ theme: '' }] }, setErrors: vi.fn() };
    const shown = showFieldErrors(
      form,
      refused([
        { field: 'input.sessions[0].theme', rule: 'length', message: 'must be 1 to 120 characters' },
        { field: 'input.sessions[3].theme', rule: 'length', message: 'no such item' },
      ]),
    );
    expect(shown).toBe(true);
    expect(form.setErrors).toHaveBeenCalledWith({ 'sessions.0.theme': 'Must be 1 to 120 characters' });
  });

  it('says so when the error names no field of the form', () => {
    const form = { values: { title: '' }, setErrors: vi.fn() };
    expect(showFieldErrors(form, refused([{ field: 'input.other', rule: 'x', message: 'y' }]))).toBe(false);
    expect(form.setErrors).not.toHaveBeenCalled();
  });

  it('words the rules the feature words and keeps the server’s message for the others, without the API’s field name', () => {
    const form = { values: { closesAt: '', judgingEndsAt: '', title: '' }, setErrors: vi.fn() };
    showFieldErrors(
      form,
      refused([
        { field: 'input.closesAt', rule: 'AFTER_OPENS_AT', message: 'closesAt (2026-…) must be later than…' },
        {
          field: 'input.judgingEndsAt',
          rule: 'OTHER',
          message: 'judgingEndsAt must be as the server put it.',
        },
        { field: 'input.title', rule: 'isNotEmpty', message: 'input.title: should not be empty' },
      ]),
      { wording: { AFTER_OPENS_AT: 'Must be later than the opening' } },
    );
    expect(form.setErrors).toHaveBeenCalledWith({
      closesAt: 'Must be later than the opening',
      judgingEndsAt: 'Must be as the server put it',
      title: 'Should not be empty',
    });
  });

  describe('a form that names an API field otherwise (its fields map)', () => {
    const money = { values: { total: '', currency: 'GBP', name: '' }, setErrors: vi.fn() };

    it('puts a field and everything under it on the form’s field, the longest key winning', () => {
      const shown = showFieldErrors(
        money,
        refused([
          { field: 'input.total.amountMinor', rule: 'min', message: 'must be 0 or more' },
          { field: 'input.total.currency', rule: 'isCurrency', message: 'must be a currency code' },
          { field: 'input.name', rule: 'isNotEmpty', message: 'should not be empty' },
        ]),
        { fields: { total: 'total', 'total.currency': 'currency' } },
      );
      expect(shown).toBe(true);
      expect(money.setErrors).toHaveBeenCalledWith({
        total: 'Must be 0 or more',
        currency: 'Must be a currency code',
        name: 'Should not be empty',
      });
    });

    it('maps list items by a `*` for their index, either way the server writes the index', () => {
      const form = {
        values: { sessions: [{ startsAt: '' }, { startsAt: '' }], questions: '' },
        setErrors: vi.fn(),
      };
      showFieldErrors(
        form,
        refused([
          { field: 'input.sessions[1].localTime', rule: 'time', message: 'must be HH:MM' },
          { field: 'input.sessions.0.localDate', rule: 'date', message: 'must be a date' },
          { field: 'input.questions.2', rule: 'maxLength', message: 'must be shorter than 500 characters' },
        ]),
        {
          fields: {
            'sessions.*.localDate': 'sessions.*.startsAt',
            'sessions[*].localTime': 'sessions.*.startsAt',
            questions: 'questions',
          },
        },
      );
      expect(form.setErrors).toHaveBeenCalledWith({
        'sessions.1.startsAt': 'Must be HH:MM',
        'sessions.0.startsAt': 'Must be a date',
        questions: 'Must be shorter than 500 characters',
      });
    });

    it('joins the problems that land on one field, each once', () => {
      const form = { values: { amount: '' }, setErrors: vi.fn() };
      showFieldErrors(
        form,
        refused([
          { field: 'input.amountMoney.amountMinor', rule: 'min', message: 'must be 0 or more' },
          { field: 'input.amountMoney.currency', rule: 'currency', message: 'must be GBP' },
          { field: 'input.amount', rule: 'min', message: 'must be 0 or more' },
        ]),
        { fields: { amountMoney: 'amount' } },
      );
      expect(form.setErrors).toHaveBeenCalledWith({ amount: 'Must be 0 or more; Must be GBP' });
    });
  });
});
