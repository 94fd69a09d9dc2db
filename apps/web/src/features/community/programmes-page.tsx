import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { Section } from '../../lib/section';
import { QueryState } from '../../lib/query-state';
import { useSession } from '../../session/session-context';
import { communityMessages as t } from './messages';
import { ProgrammesDocument } from './operations';
import { ProgrammeList } from './programme-card';

export default function ProgrammesPage() {
  const query = useQuery(ProgrammesDocument);
  const isAdmin = useSession().hasRole('ADMIN');
  return (
    <Page title={t.programmesTitle} intro={t.programmesIntro}>
      {isAdmin && (
        <Anchor component={Link} to="/programmes/new">
          {t.createProgrammeLink}
        </Anchor>
      )}
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) => {
          const programmes = nodes(data.programmes);
          const applicationOf = new Map(nodes(data.myApplications).map((item) => [item.programmeId, item]));
          const mine = programmes.filter((programme) => applicationOf.has(programme.id));
          return (
            <Stack gap="lg">
              <Section id="mine" title={t.yourApplications}>
                <ProgrammeList programmes={mine} empty={t.noApplications} applications={applicationOf} />
              </Section>
              <Section id="all" title={t.allProgrammes}>
                <ProgrammeList programmes={programmes} empty={t.noProgrammes} />
              </Section>
            </Stack>
          );
        }}
      </QueryState>
    </Page>
  );
}
