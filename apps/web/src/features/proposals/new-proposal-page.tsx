import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { CompetitionDetails } from '../competitions/competition-details';
import { competitionMessages } from '../competitions/messages';
import { CompetitionDocument } from '../competitions/operations';
import { proposalMessages as t } from './messages';
import { ProposalEditor } from './proposal-editor';
import { Accordion } from '@mantine/core';

export default function NewProposalPage() {
  const [search] = useSearchParams();
  const competitionId = search.get('competition') ?? '';
  const query = useQuery(CompetitionDocument, { variables: { id: competitionId } });
  return (
    <Page title={t.newTitle} intro={query.data?.competition?.title}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.competition ? (
            <>
              <Accordion variant="contained">
                <Accordion.Item value="rules">
                  <Accordion.Control>{competitionMessages.rubric}</Accordion.Control>
                  <Accordion.Panel>
                    <CompetitionDetails competition={data.competition} />
                  </Accordion.Panel>
                </Accordion.Item>
              </Accordion>
              <ProposalEditor competition={data.competition} proposal={null} />
            </>
          ) : (
            competitionMessages.notFound
          )
        }
      </QueryState>
    </Page>
  );
}
