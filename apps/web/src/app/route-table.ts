import type { ComponentType } from 'react';
import type { Role } from '../gql/graphql';

/**
 * One entry per page. To add a page: write `features/<feature>/<page>-page.tsx` with a default export, add an
 * entry here (or in the feature's own list, spread into ROUTES); the router, the code splitting, the guard and the
 * navigation all follow from it (docs/web.md).
 */
export interface AppRoute {
  path: string;
  /** Loads the page's module: each page is its own chunk, fetched on first visit. */
  load: () => Promise<{ default: ComponentType }>;
  /** `guest`: only when signed out (sign in, register); `member`: signed in; `public`: anyone. */
  access: 'public' | 'guest' | 'member';
  /** Signed-in members with at least one of these roles (absent: any member). */
  roles?: readonly Role[];
  /**
   * `false` for a page that asks GraphQL nothing itself (the start page): it is shown without loading Apollo
   * Client's chunk. Any other page loads it beside its own chunk and renders inside its provider.
   */
  graphql?: false;
  /** Shown in the navigation to those who may open it, in this group. */
  nav?: { label: string; group: NavGroup };
}

export type NavGroup = 'you' | 'community' | 'apply' | 'judge' | 'mentoring' | 'admin' | 'lead';
