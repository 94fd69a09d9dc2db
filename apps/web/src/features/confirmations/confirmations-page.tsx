import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { nodes } from '../../lib/connection';
import { formatDate } from '../../lib/format';
import { commonMessages } from '../../lib/messages';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { Section } from '../../lib/section';
import { ShowMore } from '../../lib/show-more';
import { DecisionCard, type RequestStatus } from './decision-card';
import { confirmationMessages as t } from './messages';
import {
  ConfirmCareerStageChangeDocument,
  ConfirmInstitutionChangeDocument,
  CareerStageChangesToConfirmDocument,
  ConfirmRegistrationDocument,
  InstitutionChangesToConfirmDocument,
  RegistrationsToConfirmDocument,
  RejectCareerStageChangeDocument,
  RejectInstitutionChangeDocument,
  RejectRegistrationDocument,
} from './operations';

const stage = (value: keyof typeof commonMessages.careerStages) => commonMessages.careerStages[value];

type Request = {
  id: string;
  status: RequestStatus;
  reason?: string | null;
  requestedAt: string;
  member: { displayName: string };
};

/** One kind of request in its section: each a card saying what is asked, with confirm and reject; then "Show more". */
function Requests<T extends Request>({
  id,
  title,
  none,
  query,
  items,
  more,
  describe,
  confirm,
  reject,
}: {
  id: string;
  title: string;
  none: string;
  query: { loading: boolean; error?: unknown };
  /** The requests loaded so far (undefined until the first page answers). */
  items: readonly T[] | undefined;
  /** The list's ShowMore. */
  more: ReactNode;
  describe: (item: T) => string;
  confirm: (id: string) => Promise<unknown>;
  reject: (id: string, reason: string) => Promise<unknown>;
}) {
  return (
    <Section id={id} title={title}>
      <QueryState data={items} loading={query.loading} error={query.error}>
        {(loaded) =>
          loaded.length === 0 ? (
            <Text>{none}</Text>
          ) : (
            <Stack gap="sm">
              {loaded.map((item) => (
                <DecisionCard
                  key={item.id}
                  name={item.member.displayName}
                  status={item.status}
                  reason={item.reason}
                  onConfirm={() => confirm(item.id)}
                  onReject={(reason) => reject(item.id, reason)}
                >
                  <Text size="sm">{describe(item)}</Text>
                  <Text size="sm">{t.requestedAt(formatDate(item.requestedAt))}</Text>
                </DecisionCard>
              ))}
              {more}
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}

/** `/confirmations`: leads (their institution's members) and admins (everyone) confirm or reject what members named. */
export default function ConfirmationsPage() {
  // each list is what waits now, oldest first, a page at a time; decisions taken here stay shown (the cache
  // updates their status) until refreshed
  const registrations = useQuery(RegistrationsToConfirmDocument, { fetchPolicy: 'cache-and-network' });
  const moves = useQuery(InstitutionChangesToConfirmDocument, { fetchPolicy: 'cache-and-network' });
  const stages = useQuery(CareerStageChangesToConfirmDocument, { fetchPolicy: 'cache-and-network' });
  const [confirmRegistration] = useMutation(ConfirmRegistrationDocument);
  const [rejectRegistration] = useMutation(RejectRegistrationDocument);
  const [confirmMove] = useMutation(ConfirmInstitutionChangeDocument);
  const [rejectMove] = useMutation(RejectInstitutionChangeDocument);
  const [confirmStage] = useMutation(ConfirmCareerStageChangeDocument);
  const [rejectStage] = useMutation(RejectCareerStageChangeDocument);
  const refreshing = registrations.loading || moves.loading || stages.loading;
  const refresh = () => Promise.all([registrations.refetch(), moves.refetch(), stages.refetch()]);
  return (
    <Page title={t.title} intro={t.intro}>
      <Group>
        <Button variant="outline" loading={refreshing} onClick={() => void refresh()}>
          {t.refresh}
        </Button>
      </Group>
      <Stack gap="lg">
        <Requests
          id="registrations"
          title={t.registrations}
          none={t.noRegistrations}
          query={registrations}
          items={registrations.data && nodes(registrations.data.registrationsToConfirm)}
          more={
            <ShowMore query={registrations} path={['registrationsToConfirm']} label={t.moreRegistrations} />
          }
          describe={(item) => t.registered(item.institution.name, stage(item.careerStage))}
          confirm={(id) => confirmRegistration({ variables: { id } })}
          reject={(id, reason) => rejectRegistration({ variables: { id, reason } })}
        />
        <Requests
          id="institution-changes"
          title={t.institutionChanges}
          none={t.noInstitutionChanges}
          query={moves}
          items={moves.data && nodes(moves.data.institutionChangesToConfirm)}
          more={
            <ShowMore query={moves} path={['institutionChangesToConfirm']} label={t.moreInstitutionChanges} />
          }
          describe={(item) => t.moves(item.fromInstitution.name, item.toInstitution.name)}
          confirm={(id) => confirmMove({ variables: { id } })}
          reject={(id, reason) => rejectMove({ variables: { id, reason } })}
        />
        <Requests
          id="career-stage-changes"
          title={t.careerStageChanges}
          none={t.noCareerStageChanges}
          query={stages}
          items={stages.data && nodes(stages.data.careerStageChangesToConfirm)}
          more={
            <ShowMore
              query={stages}
              path={['careerStageChangesToConfirm']}
              label={t.moreCareerStageChanges}
            />
          }
          describe={(item) => t.changesStage(stage(item.fromStage), stage(item.toStage))}
          confirm={(id) => confirmStage({ variables: { id } })}
          reject={(id, reason) => rejectStage({ variables: { id, reason } })}
        />
      </Stack>
    </Page>
  );
}
