import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import { Page } from '../../lib/page';
import { useSession } from '../../session/session-context';
import { homeMessages as t } from './messages';

export default function HomePage() {
  const session = useSession();
  if (session.status === 'signedIn' && session.member)
    return (
      <Page title={t.welcome(session.member.displayName)} intro={t.welcomeIntro}>
        {null}
      </Page>
    );
  return (
    <Page title={t.title} intro={t.intro}>
      {session.status === 'signedOut' && (
        <Group>
          <Button component={Link} to="/register">
            {t.register}
          </Button>
          <Button component={Link} to="/sign-in" variant="outline">
            {t.signIn}
          </Button>
        </Group>
      )}
    </Page>
  );
}
