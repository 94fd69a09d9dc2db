import type { AppRoute } from '../../app/route-table';
import { navMessages } from '../../app/messages';

export const workshopRoutes: AppRoute[] = [
  {
    path: '/mentoring/workshops',
    load: () => import('./workshops-page'),
    access: 'member',
    nav: { label: navMessages.workshops, group: 'mentoring' },
  },
  { path: '/mentoring/workshops/:id', load: () => import('./workshop-page'), access: 'member' },
];
