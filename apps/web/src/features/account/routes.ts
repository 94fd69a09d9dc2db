import type { AppRoute } from '../../app/route-table';
import { navMessages } from '../../app/messages';

export const accountRoutes: AppRoute[] = [
  {
    path: '/account',
    load: () => import('./account-page'),
    access: 'member',
    nav: { label: navMessages.account, group: 'you' },
  },
  { path: '/forgot-password', load: () => import('./forgot-password-page'), access: 'guest' },
  { path: '/reset-password', load: () => import('./reset-password-page'), access: 'public' },
];
