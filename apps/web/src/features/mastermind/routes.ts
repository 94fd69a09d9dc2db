import type { AppRoute } from '../../app/route-table';
import { navMessages } from '../../app/messages';

export const mastermindRoutes: AppRoute[] = [
  {
    path: '/mentoring/mastermind',
    load: () => import('./mastermind-groups-page'),
    access: 'member',
    nav: { label: navMessages.mastermind, group: 'mentoring' },
  },
  { path: '/mentoring/mastermind/:id', load: () => import('./mastermind-group-page'), access: 'member' },
];
