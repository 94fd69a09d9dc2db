import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  /** Total field selections after expanding fragments: a cheap proxy for cost that stops alias flooding. */
  maxFields: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxFields: 500 };

/** Validation rule that refuses operations deeper or wider than the limits, with a clear message. */
export function queryLimitsRule(limits: QueryLimits = DEFAULT_QUERY_LIMITS) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        const counter = { fields: 0 };
        const depth = measure(operation.selectionSet, fragments, 0, new Set(), counter);
        const name = operation.name?.value ?? 'anonymous operation';
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`${name} is ${depth} levels deep; the limit is ${limits.maxDepth}`, {
              nodes: [operation],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth' },
            }),
          );
        }
        if (counter.fields > limits.maxFields) {
          context.reportError(
            new GraphQLError(`${name} selects ${counter.fields} fields; the limit is ${limits.maxFields}`, {
              nodes: [operation],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxFields' },
            }),
          );
        }
      },
    };
  };
}

function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  depth: number,
  visiting: Set<string>,
  counter: { fields: number },
): number {
  let deepest = depth;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      counter.fields += 1;
      if (selection.selectionSet) {
        deepest = Math.max(deepest, measure(selection.selectionSet, fragments, depth + 1, visiting, counter));
      } else {
        deepest = Math.max(deepest, depth + 1);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, measure(selection.selectionSet, fragments, depth, visiting, counter));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // a fragment cycle is reported by graphql's own NoFragmentCycles rule
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      deepest = Math.max(deepest, measure(fragment.selectionSet, fragments, depth, visiting, counter));
      visiting.delete(name);
    }
  }
  return deepest;
}
