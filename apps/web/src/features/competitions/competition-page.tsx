import { Button, Group } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { CompetitionDetails } from './competition-details';
import { competitionMessages as t } from './messages';
import { CompetitionDocument } from './operations';

export default function CompetitionPage() {
  const { id = '' } = useParams();
  const query = useQuery(CompetitionDocument, { variables: { id } });
  const competition = query.data?.competition;
  return (
    <Page title={competition?.title ?? t.title}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.competition ? (
            <>
              <CompetitionDetails competition={data.competition} />
              {data.competition.phase === 'OPEN' && (
                <Group>
                  <Button component={Link} to={`/proposals/new?competition=${data.competition.id}`}>
                    {t.start}
                  </Button>
                </Group>
              )}
            </>
          ) : (
            t.notFound
          )
        }
      </QueryState>
    </Page>
  );
}
