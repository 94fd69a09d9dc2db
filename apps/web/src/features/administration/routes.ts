import type { AppRoute } from '../../app/route-table';
import { navMessages } from '../../app/messages';

export const administrationRoutes: AppRoute[] = [
  {
    path: '/admin/institutions',
    load: () => import('./institutions-page'),
    access: 'member',
    roles: ['ADMIN'],
    nav: { label: navMessages.institutions, group: 'admin' },
  },
  {
    path: '/admin/competitions/:id/review',
    load: () => import('./competition-review-page'),
    access: 'member',
    roles: ['ADMIN'],
  },
  {
    path: '/admin/matching',
    load: () => import('./matching-page'),
    access: 'member',
    roles: ['ADMIN'],
    nav: { label: navMessages.matching, group: 'admin' },
  },
  { path: '/admin/matching/:id', load: () => import('./matching-page'), access: 'member', roles: ['ADMIN'] },
  {
    path: '/admin/supervision',
    load: () => import('./supervision-page'),
    access: 'member',
    roles: ['ADMIN'],
    nav: { label: navMessages.supervision, group: 'admin' },
  },
];
