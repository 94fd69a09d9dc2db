import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import type { AppRoute } from './route-table';
import { Guard } from './guard';
import { PageLoading } from './page-loading';
import { Layout } from './layout';
import { RouteError } from './route-error';
import { navMessages } from './messages';
import { accountRoutes } from '../features/account/routes';
import { communityRoutes } from '../features/community/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { fundingRoutes } from '../features/funding/routes';
import { mastermindRoutes } from '../features/mastermind/routes';
import { workshopRoutes } from '../features/workshops/routes';
import { administrationRoutes } from '../features/administration/routes';
import { confirmationRoutes } from '../features/confirmations/routes';

export const ROUTES: AppRoute[] = [
  { path: '/', load: () => import('../features/home/home-page'), access: 'public' },
  { path: '/sign-in', load: () => import('../features/auth/sign-in-page'), access: 'guest' },
  { path: '/register', load: () => import('../features/auth/register-page'), access: 'guest' },
  {
    path: '/profile',
    load: () => import('../features/profile/profile-page'),
    access: 'member',
    nav: { label: navMessages.profile, group: 'you' },
  },
  {
    path: '/demographics',
    load: () => import('../features/demographics/demographics-page'),
    access: 'member',
    nav: { label: navMessages.demographics, group: 'you' },
  },
  {
    path: '/competitions',
    load: () => import('../features/competitions/competitions-page'),
    access: 'member',
    nav: { label: navMessages.competitions, group: 'apply' },
  },
  {
    path: '/competitions/:id',
    load: () => import('../features/competitions/competition-page'),
    access: 'member',
  },
  {
    path: '/proposals',
    load: () => import('../features/proposals/my-proposals-page'),
    access: 'member',
    nav: { label: navMessages.proposals, group: 'apply' },
  },
  { path: '/proposals/new', load: () => import('../features/proposals/new-proposal-page'), access: 'member' },
  { path: '/proposals/:id', load: () => import('../features/proposals/proposal-page'), access: 'member' },
  {
    path: '/judging',
    load: () => import('../features/judging/assignments-page'),
    access: 'member',
    roles: ['JUDGE'],
    nav: { label: navMessages.judging, group: 'judge' },
  },
  {
    path: '/judging/:proposalId',
    load: () => import('../features/judging/score-entry-page'),
    access: 'member',
    roles: ['JUDGE'],
  },
  {
    path: '/mentoring',
    load: () => import('../features/mentoring/mentoring-page'),
    access: 'member',
    nav: { label: navMessages.mentoring, group: 'mentoring' },
  },
  { path: '/mentoring/:id', load: () => import('../features/mentoring/relationship-page'), access: 'member' },
  {
    path: '/admin/competitions',
    load: () => import('../features/admin/admin-competitions-page'),
    access: 'member',
    roles: ['ADMIN'],
    nav: { label: navMessages.adminCompetitions, group: 'admin' },
  },
  {
    path: '/admin/competitions/:id',
    load: () => import('../features/admin/admin-competition-page'),
    access: 'member',
    roles: ['ADMIN'],
  },
  ...accountRoutes,
  ...communityRoutes,
  ...dashboardRoutes,
  ...fundingRoutes,
  ...mastermindRoutes,
  ...workshopRoutes,
  ...administrationRoutes,
  ...confirmationRoutes,
];

/** The route table as react-router routes: one lazy chunk, guard and error boundary per page. */
export function routerRoutes(routes: AppRoute[] = ROUTES): RouteObject[] {
  return [
    {
      element: <Layout routes={routes} />,
      errorElement: <RouteError />,
      children: [
        ...routes.map((route) => {
          const Page = lazy(route.load);
          return {
            path: route.path,
            errorElement: <RouteError />,
            element: (
              <Guard access={route.access} roles={route.roles}>
                <Suspense fallback={<PageLoading />}>
                  <Page />
                </Suspense>
              </Guard>
            ),
          };
        }),
        { path: '*', element: <RouteError notFound /> },
      ],
    },
  ];
}
