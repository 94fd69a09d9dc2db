import { describe, expect, it, vi } from 'vitest';
import type { ComponentType } from 'react';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import type { ApolloSource } from '../session/apollo-client';
import type { AppRoute } from './route-table';
import { pageLoader, preloadRoute } from './routes';

const Home: ComponentType = () => null;

function table() {
  const load = () => vi.fn(async () => ({ default: Home }));
  return [
    { path: '/', load: load(), access: 'public', graphql: false },
    { path: '/proposals/new', load: load(), access: 'member', graphql: false },
    { path: '/proposals/:id', load: load(), access: 'member', graphql: false },
  ] satisfies AppRoute[];
}

/** Apollo Client's chunk, loaded when `arrive` is called. */
function apolloChunk() {
  const client = new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.empty() });
  const arrival: { arrive?: (value: ApolloClient) => void } = {};
  const chunk = new Promise<ApolloClient>((resolve) => {
    arrival.arrive = resolve;
  });
  let loaded: ApolloClient | undefined;
  const source = {
    load: vi.fn(() => chunk.then((value) => (loaded = value))),
    ifLoaded: () => loaded,
  } satisfies ApolloSource;
  return { source, arrive: () => arrival.arrive?.(client) };
}

/** What React's lazy() does with the loader's thenable: is the module there before the thenable is awaited? */
function synchronously<T>(thenable: PromiseLike<T>): T | undefined {
  let value: T | undefined;
  void thenable.then((result) => {
    value = result;
  });
  return value;
}

describe('preloadRoute', () => {
  it("loads the chunk of the page at the path, and only that page's", async () => {
    const routes = table();
    await preloadRoute('/proposals/42', routes);
    expect(routes[2].load).toHaveBeenCalledTimes(1);
    expect(routes[0].load).not.toHaveBeenCalled();
    expect(routes[1].load).not.toHaveBeenCalled();
  });

  it('prefers the static path the router would render over a parameter', async () => {
    const routes = table();
    await preloadRoute('/proposals/new', routes);
    expect(routes[1].load).toHaveBeenCalledTimes(1);
    expect(routes[2].load).not.toHaveBeenCalled();
  });

  it('loads nothing for a path no page has, and resolves when the chunk fails', async () => {
    const routes = table();
    await preloadRoute('/no/such/page', routes);
    for (const route of routes) expect(route.load).not.toHaveBeenCalled();
    routes[0].load.mockRejectedValueOnce(new Error('chunk gone'));
    await expect(preloadRoute('/', routes)).resolves.toBeUndefined();
  });
});

describe('pageLoader', () => {
  it('hands a preloaded page over at once, so its first render does not suspend', async () => {
    const routes = table();
    await preloadRoute('/', routes);
    expect(synchronously(pageLoader(routes[0])())).toEqual({ default: Home });
    expect(routes[0].load).toHaveBeenCalledTimes(1);
  });

  it('loads a page not preloaded (or whose preload failed) through its own load', async () => {
    const routes = table();
    routes[0].load.mockRejectedValueOnce(new Error('chunk gone'));
    await preloadRoute('/', routes);
    const loading = pageLoader(routes[0])();
    expect(synchronously(loading)).toBeUndefined();
    await expect(loading).resolves.toEqual({ default: Home });
    expect(routes[0].load).toHaveBeenCalledTimes(2);
  });
});

describe('Apollo Client beside the page', () => {
  it('is not loaded for a page that asks GraphQL nothing (the start page)', async () => {
    const routes = table();
    const apollo = apolloChunk();
    await preloadRoute('/', routes, apollo.source);
    expect(synchronously(pageLoader(routes[0], apollo.source)())).toEqual({ default: Home });
    expect(apollo.source.load).not.toHaveBeenCalled();
  });

  it("is loaded beside any other page's chunk, which is handed over only once the client is there", async () => {
    const page = {
      path: '/competitions',
      load: vi.fn(async () => ({ default: Home })),
      access: 'member',
    } satisfies AppRoute;
    const apollo = apolloChunk();
    let preloaded = false;
    const preloading = preloadRoute('/competitions', [page], apollo.source).then(() => {
      preloaded = true;
    });
    await Promise.resolve();
    // both chunks are asked for at once, not one after the other
    expect(page.load).toHaveBeenCalledTimes(1);
    expect(apollo.source.load).toHaveBeenCalledTimes(1);
    await page.load.mock.results[0].value;
    expect(preloaded).toBe(false);
    apollo.arrive();
    await preloading;
    expect(apollo.source.ifLoaded()).toBeInstanceOf(ApolloClient);
    expect(synchronously(pageLoader(page, apollo.source)())).toEqual({ default: Home });
  });
});
