import { ProposalsDomainError, ProposalsErrorCode } from '@praxis/proposals/domain';
import { toGraphQLError } from './proposals.errors';

const PUBLIC = ['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'FAILED_PRECONDITION'];

describe('proposals error mapping', () => {
  it.each(Object.values(ProposalsErrorCode))('maps code %s to a public GraphQL error', (code) => {
    const error = toGraphQLError(new ProposalsDomainError(code, `broken: ${code}`, {}));
    expect(PUBLIC).toContain(error.extensions.code);
    expect(error.message).toBe(`broken: ${code}`);
  });

  it('names the fields of a service-level refusal as given', () => {
    const error = toGraphQLError(
      ProposalsDomainError.invalid([
        { field: 'reason', rule: 'length', message: 'must be 3 to 1000 characters' },
      ]),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'reason', rule: 'length', message: 'must be 3 to 1000 characters' }],
    });
  });

  it('names each invalid field under input with its rule', () => {
    const error = toGraphQLError(
      new ProposalsDomainError(ProposalsErrorCode.SCORE_OUT_OF_RANGE, 'out of range', {
        problems: [{ field: 'scores[1].value', rule: 'SCORE_OUT_OF_RANGE', message: 'must be from 1 to 5' }],
      }),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'input.scores[1].value', rule: 'SCORE_OUT_OF_RANGE', message: 'must be from 1 to 5' },
      ],
    });
  });
});
