import { describe, expect, it, vi } from 'vitest';
import type { ComponentType } from 'react';
import type { AppRoute } from './route-table';
import { pageLoader, preloadRoute } from './routes';

const Home: ComponentType = () => null;

function table() {
  const load = () => vi.fn(async () => ({ default: Home }));
  return [
    { path: '/', load: load(), access: 'public' },
    { path: '/proposals/new', load: load(), access: 'member' },
    { path: '/proposals/:id', load: load(), access: 'member' },
  ] satisfies AppRoute[];
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
