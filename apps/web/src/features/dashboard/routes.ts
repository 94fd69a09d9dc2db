import type { AppRoute } from '../../app/route-table';
import { navMessages } from '../../app/messages';

/** The lead dashboard: leads for the institutions they lead, admins for any institution and the network. */
export const dashboardRoutes: AppRoute[] = [
  {
    path: '/dashboard',
    load: () => import('./dashboard-page'),
    access: 'member',
    roles: ['LEAD', 'ADMIN'],
    nav: { label: navMessages.dashboard, group: 'lead' },
  },
];
