import { Button, Group, Loader, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from './errors';
import { commonMessages } from './messages';

/** What every paged list shows more of: a Relay connection's edges and where the next page starts. */
export type Connection = {
  edges: ReadonlyArray<unknown>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  /** When the document selects it, the list says how many of them it shows ("20 of 340 shown"). */
  totalCount?: number;
};

/** Where a query's connection is: a field of the data (`['funds']`) or a field of a field (`['ranking', 'entries']`). */
export type ConnectionPath<TData> =
  | { [K in keyof TData & string]: TData[K] extends Connection ? readonly [K] : never }[keyof TData & string]
  | {
      [K in keyof TData & string]: {
        [J in keyof TData[K] & string]: TData[K][J] extends Connection ? readonly [K, J] : never;
      }[keyof TData[K] & string];
    }[keyof TData & string];

type Fetched<TData> = { data?: TData | undefined };

/** The part of `useQuery`'s result that showing more needs (the query declares an `$after: String` variable). */
export type PagedQuery<TData> = {
  data?: TData | undefined;
  fetchMore: (options: {
    variables: { after: string };
    updateQuery: (previous: TData, options: { fetchMoreResult: TData }) => TData;
  }) => Promise<Fetched<TData>>;
};

/** The connection at `path` in `data`. */
export function connectionAt<TData>(data: TData, path: ConnectionPath<TData>): Connection {
  let value: unknown = data;
  for (const key of path as readonly string[]) value = (value as Record<string, unknown>)[key];
  return value as Connection;
}

/** What tells two records of a list apart; undefined when nothing does (they are never taken for one another). */
export type NodeIdentity = (node: unknown) => string | undefined;

/** A record's `id`, where its node selects one. */
export const byId: NodeIdentity = (node) => {
  const id = (node as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * For `fetchMore`'s `updateQuery`: the next page of the connection at `path` appended to the pages shown (its
 * pageInfo and totalCount from the newest page; the fields around it from the newest answer). A record already
 * shown (`identity`) is not shown twice: a mutation's cache update may have put it at the head before its page
 * came (`putNewest`).
 */
export function appendAt<TData>(path: ConnectionPath<TData>, identity: NodeIdentity = byId) {
  const keys = path as readonly string[];
  const merge = (previous: unknown, next: unknown, depth: number): unknown => {
    const before = previous as Record<string, unknown>;
    const after = next as Record<string, unknown>;
    if (depth === keys.length) {
      const shown = before as unknown as Connection;
      const page = after as unknown as Connection;
      const known = new Set(shown.edges.map((edge) => identity((edge as { node: unknown }).node)));
      known.delete(undefined);
      const fresh = page.edges.filter((edge) => !known.has(identity((edge as { node: unknown }).node)));
      return { ...page, edges: [...shown.edges, ...fresh] };
    }
    const key = keys[depth];
    return { ...after, [key]: merge(before[key], after[key], depth + 1) };
  };
  return (previous: TData, { fetchMoreResult }: { fetchMoreResult: TData }): TData =>
    merge(previous, fetchMoreResult, 0) as TData;
}

/** `data` with the connection at `path` changed (the objects around it copied, nothing else touched). */
function changeAt<TData>(
  data: TData,
  path: ConnectionPath<TData>,
  change: (shown: Connection) => Connection,
): TData {
  const keys = path as readonly string[];
  const go = (value: unknown, depth: number): unknown => {
    if (depth === keys.length) return change(value as Connection);
    const record = value as Record<string, unknown>;
    return { ...record, [keys[depth]]: go(record[keys[depth]], depth + 1) };
  };
  return go(data, 0) as TData;
}

/**
 * For a mutation's cache update (`cache.updateQuery(query, putNewest(...))`): the edge the mutation made at the
 * head of the connection at `path`, a list shown newest first, so that the pages already shown stay and nothing
 * is reloaded. The same record shown (`identity`) is replaced where it is when its place in the order
 * (`order`) did not change (something done again that changed nothing), else moved to the head; `totalCount`
 * counts a record that was not shown. A record on a page not shown yet is not shown twice when that page comes:
 * `ShowMore` leaves it out (give it the same `identity`), and that page's `totalCount` replaces the count.
 */
export function putNewest<TData, TNode>(
  path: ConnectionPath<TData>,
  edge: { node: TNode },
  identity: (node: TNode) => string,
  order: (node: TNode) => string,
) {
  return (shown: TData | null): TData | null =>
    shown === null
      ? null
      : changeAt(shown, path, (connection) => {
          const edges = connection.edges as ReadonlyArray<{ node: TNode }>;
          const at = edges.findIndex((item) => identity(item.node) === identity(edge.node));
          if (at >= 0 && order(edges[at].node) === order(edge.node)) {
            return { ...connection, edges: edges.map((item, index) => (index === at ? edge : item)) };
          }
          const rest = edges.filter((_, index) => index !== at);
          return {
            ...connection,
            edges: [edge, ...rest],
            ...(connection.totalCount === undefined || at >= 0
              ? {}
              : { totalCount: connection.totalCount + 1 }),
          };
        });
}

/**
 * "Show more" under a paged list: loads the page after the last one shown and appends it, busy while it loads,
 * saying how many of how many are shown when the document selects the connection's `totalCount`,
 * announcing how many were added (a polite live region) and, when nothing more is left, keeping the keyboard focus
 * on the list's end rather than losing it with the button. A failure is shown in words beside the button.
 */
export function ShowMore<TData>({
  query,
  path,
  label,
  identity = byId,
}: {
  query: PagedQuery<TData>;
  path: ConnectionPath<TData>;
  /** The button's text, naming what it shows more of ("Show more funds"). */
  label: string;
  /** What tells the list's records apart, so that one already shown is not shown twice (default: `id`). */
  identity?: NodeIdentity;
}) {
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const end = useRef<HTMLDivElement>(null);
  const hadFocus = useRef(false);
  const connection = query.data === undefined ? undefined : connectionAt(query.data, path);
  const more = connection?.pageInfo.hasNextPage === true && !!connection.pageInfo.endCursor;
  const total = connection?.totalCount;
  const count =
    connection && total !== undefined && (more || total > connection.edges.length)
      ? commonMessages.shownOf(connection.edges.length, total)
      : null;
  useEffect(() => {
    if (!more && hadFocus.current) {
      hadFocus.current = false;
      end.current?.focus();
    }
  }, [more]);
  const load = async () => {
    const after = connection?.pageInfo.endCursor;
    if (busy || !after) return;
    setBusy(true);
    setProblem(null);
    setAnnouncement('');
    hadFocus.current = end.current?.contains(document.activeElement) ?? false;
    try {
      const result = await query.fetchMore({ variables: { after }, updateQuery: appendAt(path, identity) });
      const added = result.data === undefined ? 0 : connectionAt(result.data, path).edges.length;
      setAnnouncement(commonMessages.shownMore(added));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div ref={end} tabIndex={-1} style={{ outline: 'none' }}>
      {(more || count) && (
        <Group>
          {count && (
            <Text size="sm" c="dimmed">
              {count}
            </Text>
          )}
          {more && (
            <Button
              variant="subtle"
              // busy without `loading`, which disables the button and so drops the keyboard focus
              leftSection={busy ? <Loader size="xs" /> : undefined}
              aria-disabled={busy}
              onClick={() => void load()}
            >
              {busy ? commonMessages.loading : label}
            </Button>
          )}
        </Group>
      )}
      {problem && (
        <div role="alert" style={{ color: 'var(--mantine-color-red-8)' }}>
          {problem}
        </div>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </div>
  );
}
