import type { AppRoute } from '../../app/route-table';
import { workshopMessages as t } from './messages';

export const workshopRoutes: AppRoute[] = [
  {
    path: '/mentoring/workshops',
    load: () => import('./workshops-page'),
    access: 'member',
    nav: { label: t.nav, group: 'mentoring' },
  },
  { path: '/mentoring/workshops/:id', load: () => import('./workshop-page'), access: 'member' },
];
