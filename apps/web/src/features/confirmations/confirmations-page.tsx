import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { formatDate } from '../../lib/format';
import { commonMessages } from '../../lib/messages';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { Section } from '../../lib/section';
import { DecisionCard, type RequestStatus } from './decision-card';
import { confirmationMessages as t } from './messages';
import {
  ConfirmCareerStageChangeDocument,
  ConfirmInstitutionChangeDocument,
  ConfirmRegistrationDocument,
  ConfirmationsDocument,
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

/** One kind of request in its section: each a card saying what is asked, with confirm and reject. */
function Requests<T extends Request>({
  id,
  title,
  none,
  items,
  describe,
  confirm,
  reject,
}: {
  id: string;
  title: string;
  none: string;
  items: readonly T[];
  describe: (item: T) => string;
  confirm: (id: string) => Promise<unknown>;
  reject: (id: string, reason: string) => Promise<unknown>;
}) {
  return (
    <Section id={id} title={title}>
      {items.length === 0 ? (
        <Text>{none}</Text>
      ) : (
        <Stack gap="sm">
          {items.map((item) => (
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
        </Stack>
      )}
    </Section>
  );
}

/** `/confirmations`: leads (their institution's members) and admins (everyone) confirm or reject what members named. */
export default function ConfirmationsPage() {
  // the list is what waits now; decisions taken here stay shown (the cache updates their status) until refreshed
  const query = useQuery(ConfirmationsDocument, { fetchPolicy: 'cache-and-network' });
  const [confirmRegistration] = useMutation(ConfirmRegistrationDocument);
  const [rejectRegistration] = useMutation(RejectRegistrationDocument);
  const [confirmMove] = useMutation(ConfirmInstitutionChangeDocument);
  const [rejectMove] = useMutation(RejectInstitutionChangeDocument);
  const [confirmStage] = useMutation(ConfirmCareerStageChangeDocument);
  const [rejectStage] = useMutation(RejectCareerStageChangeDocument);
  return (
    <Page title={t.title} intro={t.intro}>
      <Group>
        <Button variant="outline" loading={query.loading} onClick={() => void query.refetch()}>
          {t.refresh}
        </Button>
      </Group>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) => (
          <Stack gap="lg">
            <Requests
              id="registrations"
              title={t.registrations}
              none={t.noRegistrations}
              items={data.registrationsToConfirm}
              describe={(item) => t.registered(item.institution.name, stage(item.careerStage))}
              confirm={(id) => confirmRegistration({ variables: { id } })}
              reject={(id, reason) => rejectRegistration({ variables: { id, reason } })}
            />
            <Requests
              id="institution-changes"
              title={t.institutionChanges}
              none={t.noInstitutionChanges}
              items={data.institutionChangesToConfirm}
              describe={(item) => t.moves(item.fromInstitution.name, item.toInstitution.name)}
              confirm={(id) => confirmMove({ variables: { id } })}
              reject={(id, reason) => rejectMove({ variables: { id, reason } })}
            />
            <Requests
              id="career-stage-changes"
              title={t.careerStageChanges}
              none={t.noCareerStageChanges}
              items={data.careerStageChangesToConfirm}
              describe={(item) => t.changesStage(stage(item.fromStage), stage(item.toStage))}
              confirm={(id) => confirmStage({ variables: { id } })}
              reject={(id, reason) => rejectStage({ variables: { id, reason } })}
            />
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
