import type { AppRoute } from '../../app/route-table';
import { administrationMessages as t } from './messages';

export const administrationRoutes: AppRoute[] = [
  {
    path: '/admin/institutions',
    load: () => import('./institutions-page'),
    access: 'member',
    roles: ['ADMIN'],
    nav: { label: t.navInstitutions, group: 'admin' },
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
    nav: { label: t.navMatching, group: 'admin' },
  },
  { path: '/admin/matching/:id', load: () => import('./matching-page'), access: 'member', roles: ['ADMIN'] },
  {
    path: '/admin/supervision',
    load: () => import('./supervision-page'),
    access: 'member',
    roles: ['ADMIN'],
    nav: { label: t.navSupervision, group: 'admin' },
  },
];
