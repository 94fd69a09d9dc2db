import DataLoader from 'dataloader';

const perRequest = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

/**
 * A DataLoader that lives as long as one request (keyed on its request object, so nothing is shared between
 * callers and nothing needs Nest's request scope): field and reference resolvers of one operation ask for
 * ids one at a time, and the loader turns them into one query per tick.
 */
export function requestLoader<V>(
  request: object,
  name: string,
  load: (ids: readonly string[]) => Promise<V[]>,
  idOf: (row: V) => string,
): DataLoader<string, V | null> {
  let loaders = perRequest.get(request);
  if (!loaders) {
    loaders = new Map();
    perRequest.set(request, loaders);
  }
  let loader = loaders.get(name) as DataLoader<string, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | null>(async (ids) => {
      const rows = new Map((await load(ids)).map((row) => [idOf(row), row]));
      return ids.map((id) => rows.get(id) ?? null);
    });
    loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/**
 * The one-to-many sibling of `requestLoader`: each key gets every row whose `keyOf` is that key (the
 * invitations of each proposal on a page), in the order `load` returns them, from one query per tick.
 */
export function requestGroupLoader<V>(
  request: object,
  name: string,
  load: (keys: readonly string[]) => Promise<V[]>,
  keyOf: (row: V) => string,
): DataLoader<string, V[]> {
  let loaders = perRequest.get(request);
  if (!loaders) {
    loaders = new Map();
    perRequest.set(request, loaders);
  }
  let loader = loaders.get(name) as DataLoader<string, V[]> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V[]>(async (keys) => {
      const groups = new Map<string, V[]>();
      for (const row of await load(keys)) {
        const key = keyOf(row);
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      return keys.map((key) => groups.get(key) ?? []);
    });
    loaders.set(name, loader as unknown as DataLoader<string, unknown>);
  }
  return loader;
}
