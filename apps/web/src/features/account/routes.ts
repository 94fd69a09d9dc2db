import type { AppRoute } from '../../app/route-table';
import { accountMessages as t } from './messages';

export const accountRoutes: AppRoute[] = [
  {
    path: '/account',
    load: () => import('./account-page'),
    access: 'member',
    nav: { label: t.nav, group: 'you' },
  },
  { path: '/forgot-password', load: () => import('./forgot-password-page'), access: 'guest' },
  { path: '/reset-password', load: () => import('./reset-password-page'), access: 'public' },
];
