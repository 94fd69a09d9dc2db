import { ProposalsDomainError, ProposalsErrorCode } from '@praxis/proposals/domain';
import {
  domainToGraphQLError,
  ProposalsServiceError,
  ProposalsServiceErrorCode,
  serviceToGraphQLError,
} from './proposals.errors';

const PUBLIC = ['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'FAILED_PRECONDITION'];

describe('proposals error mapping', () => {
  it.each(Object.values(ProposalsErrorCode))('maps domain code %s to a public GraphQL error', (code) => {
    const error = domainToGraphQLError(new ProposalsDomainError(code, `broken: ${code}`, {}));
    expect(PUBLIC).toContain(error.extensions.code);
    expect(error.message).toBe(`broken: ${code}`);
  });

  it.each(Object.values(ProposalsServiceErrorCode))(
    'maps service code %s to a public GraphQL error',
    (code) => {
      const error = serviceToGraphQLError(new ProposalsServiceError(code, 'refused'));
      expect(PUBLIC).toContain(error.extensions.code);
    },
  );

  it('names each invalid field under input with its rule', () => {
    const error = domainToGraphQLError(
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
