import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { namedFieldProblems, messageOf } from './errors';

const refused = (fields: { field: string; rule: string; message: string }[]) =>
  new CombinedGraphQLErrors({
    errors: [
      {
        // as the services build it: each field by its API name, then its message
        message: fields.map((field) => `${field.field}: ${field.message}`).join('; '),
        extensions: { code: 'BAD_USER_INPUT', fields },
      },
    ],
  });

describe('a refusal of fields told away from the fields', () => {
  const error = refused([
    {
      field: 'input.expectedImpact',
      rule: 'maxLength',
      message: 'expectedImpact must be shorter than 10 characters',
    },
    { field: 'input.requestedFundingMoney.amountMinor', rule: 'min', message: 'must be 0 or more' },
  ]);

  it('names each field by the form’s label, else its API name in words, never the API’s name', () => {
    expect(
      namedFieldProblems(error, {
        fields: { requestedFundingMoney: 'requestedFunding' },
        labels: { requestedFunding: 'Requested funding' },
      }),
    ).toEqual([
      'Expected impact: Must be shorter than 10 characters.',
      'Requested funding: Must be 0 or more.',
    ]);
  });

  it('is what messageOf says for BAD_USER_INPUT, instead of the server’s message quoting `input.…`', () => {
    expect(messageOf(error)).toBe(
      'Expected impact: Must be shorter than 10 characters. Amount minor: Must be 0 or more.',
    );
    expect(messageOf(error)).not.toMatch(/input\./);
  });
});
