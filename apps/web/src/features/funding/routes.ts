import type { AppRoute } from '../../app/route-table';
import { navMessages } from '../../app/messages';

/** Awards, protected time and funds (issue 9's API): the services decide per record who sees what. */
export const fundingRoutes: AppRoute[] = [
  {
    path: '/funding',
    load: () => import('./awards-page'),
    access: 'member',
    nav: { label: navMessages.awards, group: 'apply' },
  },
  { path: '/funding/awards/:id', load: () => import('./award-page'), access: 'member' },
  {
    path: '/funding/approvals',
    load: () => import('./approvals-page'),
    access: 'member',
    roles: ['LEAD', 'ADMIN'],
    nav: { label: navMessages.approvals, group: 'lead' },
  },
  {
    path: '/admin/funds',
    load: () => import('./funds-page'),
    access: 'member',
    roles: ['ADMIN'],
    nav: { label: navMessages.funds, group: 'admin' },
  },
];
