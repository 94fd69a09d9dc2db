import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { queryLimitsRule } from './limits';

const schema = buildSchema(`
  type Member { id: ID! friend: Member name: String }
  type Query { member: Member }
`);

function errorsFor(query: string, limits = { maxDepth: 3, maxFields: 6 }) {
  return validate(schema, parse(query), [...specifiedRules, queryLimitsRule(limits)]).map(
    (error) => error.message,
  );
}

describe('queryLimitsRule', () => {
  it('accepts an operation within the limits', () => {
    expect(errorsFor('query Ok { member { friend { name } } }')).toEqual([]);
  });

  it('refuses an operation deeper than the limit, also through fragments', () => {
    expect(errorsFor('query Deep { member { friend { friend { name } } } }')).toEqual([
      'Deep is 4 levels deep; the limit is 3',
    ]);
    expect(
      errorsFor('query Frag { member { ...F } } fragment F on Member { friend { friend { id } } }'),
    ).toEqual(['Frag is 4 levels deep; the limit is 3']);
  });

  it('refuses alias flooding by counting every selected field', () => {
    const aliases = Array.from({ length: 7 }, (_, i) => `a${i}: member { id }`).join(' ');
    expect(errorsFor(`query Wide { ${aliases} }`)).toEqual(['Wide selects 14 fields; the limit is 6']);
  });
});
