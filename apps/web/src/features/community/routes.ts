import type { AppRoute } from '../../app/route-table';
import { navMessages } from '../../app/messages';

export const communityRoutes: AppRoute[] = [
  {
    path: '/communities',
    load: () => import('./communities-page'),
    access: 'member',
    nav: { label: navMessages.communities, group: 'community' },
  },
  { path: '/communities/:id', load: () => import('./community-page'), access: 'member' },
  {
    path: '/programmes',
    load: () => import('./programmes-page'),
    access: 'member',
    nav: { label: navMessages.programmes, group: 'community' },
  },
  { path: '/programmes/new', load: () => import('./new-programme-page'), access: 'member' },
  { path: '/programmes/:id', load: () => import('./programme-page'), access: 'member' },
  {
    path: '/certificates',
    load: () => import('./certificates-page'),
    access: 'member',
    nav: { label: navMessages.certificates, group: 'community' },
  },
  { path: '/verify-certificate', load: () => import('./verify-certificate-page'), access: 'public' },
  { path: '/verify-certificate/:code', load: () => import('./verify-certificate-page'), access: 'public' },
];
