import type { AppRoute } from '../../app/route-table';
import { confirmationMessages as t } from './messages';

export const confirmationRoutes: AppRoute[] = [
  {
    path: '/confirmations',
    load: () => import('./confirmations-page'),
    access: 'member',
    roles: ['LEAD', 'ADMIN'],
    nav: { label: t.nav, group: 'lead' },
  },
];
