import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { Section } from '../../lib/section';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { useSession } from '../../session/session-context';
import { communityMessages as t } from './messages';
import { MyApplicationsDocument } from './operations';
import { PagedProgrammes, ProgrammeList } from './programme-card';

/** The caller's applications, each with its programme, newest first. */
function MyApplications() {
  const query = useQuery(MyApplicationsDocument);
  return (
    <QueryState data={query.data} loading={query.loading} error={query.error}>
      {(data) => (
        <>
          <ProgrammeList
            items={nodes(data.myApplications).map((application) => ({
              programme: application.programme,
              application,
            }))}
            empty={t.noApplications}
          />
          <ShowMore query={query} path={['myApplications']} label={t.moreApplications} />
        </>
      )}
    </QueryState>
  );
}

export default function ProgrammesPage() {
  const isAdmin = useSession().hasRole('ADMIN');
  return (
    <Page title={t.programmesTitle} intro={t.programmesIntro}>
      {isAdmin && (
        <Anchor component={Link} to="/programmes/new">
          {t.createProgrammeLink}
        </Anchor>
      )}
      <Stack gap="lg">
        <Section id="mine" title={t.yourApplications}>
          <MyApplications />
        </Section>
        <Section id="all" title={t.allProgrammes}>
          <PagedProgrammes />
        </Section>
      </Stack>
    </Page>
  );
}
