import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  Kind,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { DEFAULT_QUERY_LIMITS, listSizeEstimator, queryLimitRules } from '@praxis/platform/graphql';
import { SUBGRAPHS } from './services';
import { subgraphSchemaFile } from './supergraph';

const root = path.join(__dirname, '..');

/** The API schema the gateway serves: the committed subgraph schemas composed, as `npm run supergraph` does. */
function apiSchema(): GraphQLSchema {
  const composed = composeServices(
    SUBGRAPHS.map((subgraph) => ({
      name: subgraph.name,
      url: `http://localhost:${subgraph.port}/graphql`,
      typeDefs: parse(readFileSync(subgraphSchemaFile(subgraph.name), 'utf8')),
    })),
  );
  if (!composed.schema) throw new Error(composed.errors.map((error) => error.message).join('; '));
  return composed.schema.toAPISchema().toGraphQLJSSchema();
}

/** Every typed document the web client sends (GraphQL Code Generator writes each as a JSON DocumentNode). */
function webDocuments(): Array<{ name: string; document: DocumentNode }> {
  const generated = readFileSync(path.join(root, 'apps/web/src/gql/graphql.ts'), 'utf8');
  const found: Array<{ name: string; document: DocumentNode }> = [];
  for (const match of generated.matchAll(
    /^export const (\w+Document) = (\{.*\}) as unknown as DocumentNode<.*$/gm,
  ))
    found.push({ name: match[1], document: JSON.parse(match[2]) as DocumentNode });
  return found;
}

/** The smallest value a required input takes (an id, a string, 1, the first enum value, an object of those). */
function smallest(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.value;
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields()))
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = smallest(field.type);
    return value;
  }
  switch (named.name) {
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    case 'Int':
    case 'Float':
    case 'SafeInt':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2027-01-01T00:00:00.000Z';
    case 'Date':
      return '2027-01-01';
    default:
      return 'x';
  }
}

/** Variables for an operation: each required one at its smallest; optional ones left out (their defaults). */
function variablesFor(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.type.kind !== Kind.NON_NULL_TYPE || definition.defaultValue) continue;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type) variables[definition.variable.name.value] = smallest(type);
  }
  return variables;
}

describe('the web client against the gateway: every operation it sends is within the query limits', () => {
  const schema = apiSchema();
  const documents = webDocuments();

  it('finds the generated documents', () => {
    expect(documents.length).toBeGreaterThan(100);
    expect(documents.map((entry) => entry.name)).toContain('MastermindGroupDocument');
  });

  it.each(webDocuments().map((entry) => [entry.name, entry.document] as const))(
    '%s: valid, within depth, aliases and directives, and its cost under the limit',
    (_name, document) => {
      expect(validate(schema, document, queryLimitRules(DEFAULT_QUERY_LIMITS)).map((e) => e.message)).toEqual(
        [],
      );
      const operation = document.definitions.find(
        (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
      );
      if (!operation) throw new Error('no operation in the document');
      const cost = getComplexity({
        schema,
        query: document,
        variables: variablesFor(schema, operation),
        estimators: [listSizeEstimator],
      });
      expect(cost).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxCost);
    },
  );
});
