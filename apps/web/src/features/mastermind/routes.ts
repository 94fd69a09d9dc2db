import type { AppRoute } from '../../app/route-table';
import { mastermindMessages as t } from './messages';

export const mastermindRoutes: AppRoute[] = [
  {
    path: '/mentoring/mastermind',
    load: () => import('./mastermind-groups-page'),
    access: 'member',
    nav: { label: t.nav, group: 'mentoring' },
  },
  { path: '/mentoring/mastermind/:id', load: () => import('./mastermind-group-page'), access: 'member' },
];
