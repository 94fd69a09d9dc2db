import { ApolloLink } from '@apollo/client';
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { Observable } from 'rxjs';
import { appendAt, type Connection, type ConnectionPath } from './show-more';

/**
 * The response path of the connection a document pages with `after: $after` ("Show more" sends it), found
 * through its fields, inline fragments and named fragments; undefined when the document pages nothing.
 */
export function pagedPathOf(document: DocumentNode): string[] | undefined {
  const fragments = new Map(
    document.definitions
      .filter((item): item is FragmentDefinitionNode => item.kind === Kind.FRAGMENT_DEFINITION)
      .map((item) => [item.name.value, item] as const),
  );
  const search = (set: SelectionSetNode, path: string[], seen: Set<string>): string[] | undefined => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const at = [...path, selection.alias?.value ?? selection.name.value];
        const pages = selection.arguments?.some(
          (argument) =>
            argument.name.value === 'after' &&
            argument.value.kind === Kind.VARIABLE &&
            argument.value.name.value === 'after',
        );
        if (pages) return at;
        const inner = selection.selectionSet && search(selection.selectionSet, at, seen);
        if (inner) return inner;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = search(selection.selectionSet, path, seen);
        if (inner) return inner;
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const inner = search(fragment.selectionSet, path, new Set([...seen, fragment.name.value]));
        if (inner) return inner;
      }
    }
    return undefined;
  };
  const operation = document.definitions.find(
    (item): item is OperationDefinitionNode => item.kind === Kind.OPERATION_DEFINITION,
  );
  return operation?.operation === 'query' ? search(operation.selectionSet, [], new Set()) : undefined;
}

/** The connection at `path` in a query's data, if it is there. */
function shownAt(data: unknown, path: string[]): Connection | undefined {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  const connection = value as Partial<Connection> | null | undefined;
  return connection && Array.isArray(connection.edges) && connection.pageInfo
    ? (connection as Connection)
    : undefined;
}

type Answer = ApolloLink.Result;

/**
 * Keeps the pages of a list the member has shown more of when its query is fetched again from its first page (a
 * mutation's `refetchQueries`, a page opened again with `cache-and-network`): where the cache holds more of the
 * connection than the first page brings, the link asks for the next pages (`after` each page's end) until it
 * has as many as were shown or the list ends, and answers them as one, so the list keeps the member's place and
 * shows what changed on every page loaded. Every paged list gets this from the client; none has to ask for it.
 */
export const keepLoadedPages = new ApolloLink((operation, forward) => {
  const path = pagedPathOf(operation.query);
  if (!path || operation.variables['after']) return forward(operation);
  let shown = 0;
  try {
    const cached = operation.client.cache.readQuery({
      query: operation.query,
      variables: operation.variables,
    });
    shown = shownAt(cached, path)?.edges.length ?? 0;
  } catch {
    // nothing of it in the cache: the first page is all there is to load
  }
  if (shown === 0) return forward(operation);
  type Data = NonNullable<Answer['data']>;
  const append = appendAt<Data>(path as unknown as ConnectionPath<Data>);
  return new Observable<Answer>((observer) => {
    let closed = false;
    const next = (from: Answer | undefined, after: string | null) => {
      const page =
        after === null ? operation : { ...operation, variables: { ...operation.variables, after } };
      const subscription = forward(page as typeof operation).subscribe({
        next: (answer) => {
          if (closed) return;
          const merged =
            from === undefined || !answer.data || !from.data
              ? answer
              : { ...answer, data: append(from.data, { fetchMoreResult: answer.data }) };
          const connection = merged.data ? shownAt(merged.data, path) : undefined;
          const end = connection?.pageInfo.endCursor;
          if (
            !merged.errors?.length &&
            connection &&
            connection.edges.length < shown &&
            connection.pageInfo.hasNextPage &&
            end
          ) {
            next(merged, end);
          } else {
            observer.next(merged);
            observer.complete();
          }
        },
        error: (error: unknown) => observer.error(error),
      });
      teardown.push(() => subscription.unsubscribe());
    };
    const teardown: Array<() => void> = [];
    next(undefined, null);
    return () => {
      closed = true;
      teardown.forEach((stop) => stop());
    };
  });
});
