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
      'input.',
      { AFTER_OPENS_AT: 'Must be later than the opening' },
    );
    expect(form.setErrors).toHaveBeenCalledWith({
      closesAt: 'Must be later than the opening',
      judgingEndsAt: 'Must be as the server put it',
      title: 'Should not be empty',
    });
  });
});
