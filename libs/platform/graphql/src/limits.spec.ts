import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { DEFAULT_QUERY_LIMITS, queryLimitsServerOptions, type QueryLimits } from './limits';

const schema = buildSchema(`
  type Institution { id: ID! name: String }
  type Member { id: ID! name: String friend: Member institution: Institution }
  type MemberEdge { cursor: String! node: Member! }
  type MemberConnection { edges: [MemberEdge!]! totalCount: Int! }
  type Criterion { id: ID! name: String! weight: Float! }
  type Competition {
    id: ID! title: String! description: String! phase: String! opensAt: String! closesAt: String!
    judgingEndsAt: String! reviewsPerEntry: Int! judgeMaxLoad: Int! blind: Boolean! winnersCount: Int!
    currency: String! keywords: [String!]! criteria: [Criterion!]! entries(first: Int): MemberConnection!
  }
  type CompetitionEdge { cursor: String! node: Competition! }
  type CompetitionConnection { edges: [CompetitionEdge!]! totalCount: Int! }
  type Query {
    me: Member members(first: Int): MemberConnection! tags: [String!]! competitions(first: Int): CompetitionConnection!
  }
`);

/**
 * How many root fields ran: a refused operation must be refused before execution (0). The rules' own work is
 * bounded by their caps (the cost rule stops counting at maxCostNodes, the parser at maxTokens), which the
 * messages below prove; how long a refusal takes is a benchmark's figure, not a test's.
 */
let resolved = 0;

const member = (i: number) => ({
  id: String(i),
  name: `m${i}`,
  friend: null,
  institution: () => ({ id: 'i', name: 'Inst' }),
});
const competition = (i: number) => ({
  ...Object.fromEntries(
    ['title', 'description', 'phase', 'opensAt', 'closesAt', 'judgingEndsAt', 'currency'].map((f) => [f, f]),
  ),
  id: String(i),
  reviewsPerEntry: 2,
  judgeMaxLoad: 10,
  blind: false,
  winnersCount: 1,
  keywords: ['a', 'b'],
  criteria: Array.from({ length: 5 }, (_, c) => ({ id: `c${c}`, name: 'Quality', weight: 1 })),
});
const rootValue = {
  competitions: ({ first }: { first?: number }) => ({
    totalCount: (resolved += 1) && 1000,
    edges: Array.from({ length: first ?? 20 }, (_, i) => ({ cursor: String(i), node: competition(i) })),
  }),
  me: () => ((resolved += 1), member(0)),
  tags: () => ((resolved += 1), ['a']),
  members: ({ first }: { first?: number }) => ({
    totalCount: (resolved += 1) && 1000,
    edges: Array.from({ length: first ?? 20 }, (_, i) => ({ cursor: String(i), node: member(i) })),
  }),
};

async function serverWith(limits: Partial<QueryLimits> = {}) {
  const options = queryLimitsServerOptions({ ...DEFAULT_QUERY_LIMITS, ...limits });
  const server = new ApolloServer({ schema, rootValue, introspection: true, ...options });
  await server.start();
  return server;
}

async function run(query: string, limits: Partial<QueryLimits> = {}, variables?: Record<string, unknown>) {
  const server = await serverWith(limits);
  const before = resolved;
  try {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const errors = response.body.singleResult.errors ?? [];
    return {
      resolvedFields: resolved - before,
      errors,
      data: response.body.singleResult.data,
      status: response.http.status,
    };
  } finally {
    await server.stop();
  }
}

describe('query limits (graphql-armor rules, graphql-query-complexity cost, parser token limit)', () => {
  it('answers an ordinary operation within the limits', async () => {
    const result = await run('{ me { id friend { name } } members(first: 10) { edges { node { id } } } }');
    expect(result.errors).toEqual([]);
    expect(result.resolvedFields).toBe(2); // me and members: the count the refusals below compare with
  });

  it('refuses an operation deeper than the limit, counting through fragments', async () => {
    const result = await run('{ me { ...F } } fragment F on Member { friend { friend { friend { id } } } }', {
      maxDepth: 3,
    });
    expect(result.errors.map((e) => [e.extensions?.code, e.extensions?.limit])).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'maxDepth'],
    ]);
    expect(result.errors[0].message).toMatch(/depth limit of 3 exceeded, found 5/);
  });

  it('refuses nested fragments that expand exponentially (the old rule took 2.8 s on 1.4 KB), before anything runs', async () => {
    // each level spreads the one below twice: 2^40 expansions if fragments are walked at every spread
    const levels = 40;
    const bomb = Array.from(
      { length: levels },
      (_, level) => `fragment B${level + 1} on Query { ...B${level} ...B${level} }`,
    );
    const query = `{ ...B${levels} } fragment B0 on Query { me { id } } ${bomb.join(' ')}`;
    expect(query.length).toBeLessThan(2200);
    const result = await run(query);
    expect(result.resolvedFields).toBe(0);
    expect(result.errors.map((e) => e.extensions?.limit)).toEqual(['maxCostNodes']);
    expect(result.errors[0].message).toMatch(/more than 10000 fields/);
  });

  it('refuses 150 aliased introspection queries by their aliases, and by cost when aliases are allowed', async () => {
    const aliases = Array.from(
      { length: 150 },
      (_, i) => `s${i}: __schema { types { name fields { name } } }`,
    );
    const query = `{ ${aliases.join(' ')} }`;
    const byAliases = await run(query);
    expect(byAliases.resolvedFields).toBe(0);
    expect(byAliases.data).toBeUndefined();
    expect(byAliases.errors.map((e) => e.extensions?.limit)).toEqual(['maxAliases']);
    expect(byAliases.errors[0].message).toMatch(/Aliases limit of 15 exceeded, found 150/);
    const byCost = await run(query, { maxAliases: 1000 });
    expect(byCost.data).toBeUndefined();
    expect(byCost.errors.map((e) => e.extensions?.limit)).toEqual(['maxCost']);
  });

  it('refuses 8,000 duplicate __typename at parse time by the token limit', async () => {
    const query = `{ ${Array.from({ length: 8000 }, () => '__typename').join(' ')} }`;
    const result = await run(query);
    expect(result.resolvedFields).toBe(0);
    expect(result.errors.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(result.errors[0].message).toMatch(/more that 2000 tokens/);
  });

  it('refuses 30 aliases of a 100-member page with a nested field, by aliases and by cost counting list sizes', async () => {
    const page = (i: number) => `p${i}: members(first: 100) { edges { node { id institution { name } } } }`;
    const query = `{ ${Array.from({ length: 30 }, (_, i) => page(i)).join(' ')} }`;
    const byAliases = await run(query);
    expect(byAliases.resolvedFields).toBe(0);
    expect(byAliases.errors.map((e) => e.extensions?.limit)).toEqual(['maxAliases']);
    const byCost = await run(query, { maxAliases: 100 });
    expect(byCost.resolvedFields).toBe(0);
    expect(byCost.data).toBeUndefined();
    expect(byCost.errors.map((e) => e.extensions?.limit)).toEqual(['maxCost']);
    expect(byCost.errors[0].message).toMatch(/operation cost \d+ exceeds the limit of 5000/);
  });

  it('lets a full page of 100 records through (every field, a bounded list in each), and refuses pages of pages', async () => {
    const fields = `id title description phase opensAt closesAt judgingEndsAt reviewsPerEntry judgeMaxLoad blind
      winnersCount currency keywords criteria { id name weight }`;
    const full = await run(`{ competitions(first: 100) { totalCount edges { cursor node { ${fields} } } } }`);
    expect(full.errors).toEqual([]);
    const pagesOfPages = await run(
      `{ competitions(first: 100) { edges { node { entries(first: 100) { edges { node { id } } } } } } }`,
    );
    expect(pagesOfPages.errors.map((e) => e.extensions?.limit)).toEqual(['maxCost']);
    expect(pagesOfPages.errors[0].message).toMatch(/operation cost \d+ exceeds the limit of 5000/);
  });

  it('counts a page size given in a variable, so `first: $n` cannot hide a large page', async () => {
    const query = 'query Page($n: Int) { members(first: $n) { edges { node { id institution { name } } } } }';
    expect((await run(query, { maxCost: 300 }, { n: 10 })).errors).toEqual([]);
    const large = await run(query, { maxCost: 300 }, { n: 100 });
    expect(large.errors.map((e) => e.extensions?.limit)).toEqual(['maxCost']);
  });

  it('remembers a cost per document and variables on one server: the same page refused again, a small one let through', async () => {
    const server = await serverWith({ maxCost: 300 });
    const query = 'query Page($n: Int) { members(first: $n) { edges { node { id institution { name } } } } }';
    const limitsOf = async (n: number) => {
      const response = await server.executeOperation({ query, variables: { n } });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return (response.body.singleResult.errors ?? []).map((e) => e.extensions?.limit);
    };
    try {
      for (let round = 0; round < 2; round += 1) {
        expect(await limitsOf(10)).toEqual([]);
        expect(await limitsOf(100)).toEqual(['maxCost']);
      }
    } finally {
      await server.stop();
    }
  });

  it('refuses too many directives', async () => {
    const fields = Array.from({ length: 5 }, (_, i) => `a${i}: me @include(if: true) { id }`).join(' ');
    const result = await run(`{ ${fields} }`, { maxDirectives: 3 });
    expect(result.errors.map((e) => e.extensions?.limit)).toEqual(['maxDirectives']);
  });
});
