import type { AppRoute } from '../../app/route-table';
import { navMessages } from '../../app/messages';

export const confirmationRoutes: AppRoute[] = [
  {
    path: '/confirmations',
    load: () => import('./confirmations-page'),
    access: 'member',
    roles: ['LEAD', 'ADMIN'],
    nav: { label: navMessages.confirmations, group: 'lead' },
  },
];
