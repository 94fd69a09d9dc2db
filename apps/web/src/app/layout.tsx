import { AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Suspense } from 'react';
import { commonMessages } from '../lib/messages';
import { useSession, type Session } from '../session/session-context';
import { navMessages } from './messages';
import type { AppRoute, NavGroup } from './route-table';
import { PageLoading } from './page-loading';

const GROUP_ORDER: NavGroup[] = ['you', 'community', 'apply', 'judge', 'mentoring', 'lead', 'admin'];

/** The navigation a person sees: the route table's entries they may open, grouped. */
export function navFor(routes: AppRoute[], session: Pick<Session, 'status' | 'hasRole'>) {
  const visible = routes.filter(
    (route) =>
      route.nav &&
      (route.access === 'public' ||
        (route.access === 'member' && session.status === 'signedIn') ||
        (route.access === 'guest' && session.status === 'signedOut')) &&
      (!route.roles || route.roles.some((role) => session.hasRole(role))),
  );
  return GROUP_ORDER.map((group) => ({
    group,
    label: navMessages.groups[group],
    routes: visible.filter((route) => route.nav?.group === group),
  })).filter((entry) => entry.routes.length > 0);
}

export function Layout({ routes }: { routes: AppRoute[] }) {
  const [opened, { toggle, close }] = useDisclosure();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const groups = navFor(routes, session);
  const signOut = async () => {
    await session.signOut();
    void navigate('/sign-in');
  };
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: groups.length === 0 } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {commonMessages.skipToContent}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {groups.length > 0 && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navMessages.toggleMenu}
              />
            )}
            <Text component={Link} to="/" fw={700} size="lg" c="indigo.9" td="none">
              {commonMessages.appName}
            </Text>
          </Group>
          {session.status === 'signedIn' && session.member ? (
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" visibleFrom="sm">
                {navMessages.signedInAs(session.member.displayName)}
              </Text>
              <Button variant="outline" size="xs" onClick={() => void signOut()}>
                {navMessages.signOut}
              </Button>
            </Group>
          ) : session.status === 'signedOut' ? (
            <Group gap="xs" wrap="nowrap">
              <Button component={Link} to="/sign-in" variant="subtle" size="xs">
                {navMessages.signIn}
              </Button>
              <Button component={Link} to="/register" size="xs">
                {navMessages.register}
              </Button>
            </Group>
          ) : null}
        </Group>
      </AppShell.Header>
      {groups.length > 0 && (
        <AppShell.Navbar p="xs" aria-label={navMessages.menu} component="nav">
          {/* a plain scrolling box: Mantine's ScrollArea would bring its positioning library into the first load */}
          <div style={{ overflowY: 'auto' }}>
            <Stack gap="sm">
              {groups.map((entry) => (
                <div key={entry.group}>
                  <Title order={2} size="xs" tt="uppercase" c="dimmed" px="sm" py={4}>
                    {entry.label}
                  </Title>
                  {entry.routes.map((route) => (
                    <NavLink
                      key={route.path}
                      component={Link}
                      to={route.path}
                      label={route.nav?.label}
                      active={location.pathname === route.path}
                      variant="filled"
                      aria-current={location.pathname === route.path ? 'page' : undefined}
                      onClick={close}
                    />
                  ))}
                </div>
              ))}
            </Stack>
          </div>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
