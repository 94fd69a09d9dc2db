import { EngagementDomainError, EngagementErrorCode } from '@praxis/engagement/domain';
import { engagementErrorToGraphQL } from './engagement.errors';

describe('engagement error mapping', () => {
  it.each(Object.values(EngagementErrorCode))('maps %s to a public GraphQL code', (code) => {
    const error = engagementErrorToGraphQL(new EngagementDomainError(code, `refused: ${code}`));
    expect(error.extensions.code).toMatch(
      /^(BAD_USER_INPUT|NOT_FOUND|FORBIDDEN|CONFLICT|FAILED_PRECONDITION)$/,
    );
  });

  it('names the offending field of invalid input under input.', () => {
    const error = engagementErrorToGraphQL(
      EngagementDomainError.invalidInput([{ field: 'to', rule: 'afterFrom', message: 'must be after from' }]),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.to', rule: 'afterFrom', message: 'must be after from' }],
    });
  });
});
