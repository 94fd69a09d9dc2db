import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { CareerStage, MyProfileQuery } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { InstitutionPicker, institutionLabel } from '../../lib/institution-picker';
import { commonMessages } from '../../lib/messages';
import { Page } from '../../lib/page';
import { PageLoading } from '../../app/page-loading';
import { CAREER_STAGE_OPTIONS } from '../auth/register-page';
import { profileMessages as t } from './messages';
import { MyProfileDocument, UpdateMyProfileDocument } from './operations';

type Me = MyProfileQuery['me'];

function ProfileForm({ me }: { me: Me }) {
  const [update] = useMutation(UpdateMyProfileDocument);
  const form = useForm({
    initialValues: {
      displayName: me.displayName,
      careerStage: me.careerStage as string | null,
      institutionId: me.institutionId as string | null,
      specialty: me.specialty ?? '',
      interests: me.interests,
    },
    validate: {
      displayName: (value) => (value.trim() ? null : t.required),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await update({
        variables: {
          input: {
            displayName: values.displayName.trim(),
            careerStage: values.careerStage as CareerStage,
            institutionId: values.institutionId,
            specialty: values.specialty.trim(),
            interests: values.interests,
          },
        },
      });
      notifications.show({ color: 'green', message: t.saved });
    } catch (error) {
      if (!showFieldErrors(form, error)) notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="edit-profile">
      <Stack>
        <Title order={2} id="edit-profile">
          {t.edit}
        </Title>
        <TextInput label={t.displayName} required {...form.getInputProps('displayName')} />
        <Select
          label={t.careerStage}
          description={t.careerStageHint}
          data={CAREER_STAGE_OPTIONS}
          {...form.getInputProps('careerStage')}
        />
        <InstitutionPicker
          label={t.institution}
          description={t.institutionHint}
          nothingFound={t.noInstitutions}
          known={[{ value: me.institution.id, label: institutionLabel(me.institution) }]}
          {...form.getInputProps('institutionId')}
          onChange={(value) => form.setFieldValue('institutionId', value)}
        />
        <TextInput label={t.specialty} description={t.specialtyHint} {...form.getInputProps('specialty')} />
        <TagsInput label={t.interests} description={t.interestsHint} {...form.getInputProps('interests')} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The latest request to change a confirmed field, while it waits or when it was turned down. */
function PendingChange({
  latest,
  pending,
  rejected,
}: {
  latest: { status: string; reason?: string | null } | undefined;
  pending: string;
  rejected: string;
}) {
  if (!latest || (latest.status !== 'PENDING' && latest.status !== 'REJECTED')) return null;
  return (
    <Alert color={latest.status === 'PENDING' ? 'yellow' : 'red'} role="status">
      {latest.status === 'PENDING' ? pending : rejected}
    </Alert>
  );
}

function ChangesWaiting({ me }: { me: Me }) {
  const move = me.institutionChanges?.[0];
  const stage = me.careerStageChanges?.[0];
  const stageName = stage ? commonMessages.careerStages[stage.toStage] : '';
  const registration = me.registrationConfirmation;
  const unconfirmed = !me.institutionConfirmed || !me.careerStageConfirmed;
  return (
    <>
      {unconfirmed && (
        <PendingChange
          latest={registration ?? { status: 'PENDING' }}
          pending={t.unconfirmed}
          rejected={t.rejectedRegistration(registration?.reason ?? null)}
        />
      )}
      <PendingChange
        latest={move}
        pending={t.pendingMove(move?.toInstitution.name ?? '')}
        rejected={t.rejectedMove(move?.toInstitution.name ?? '', move?.reason ?? null)}
      />
      <PendingChange
        latest={stage}
        pending={t.pendingStage(stageName)}
        rejected={t.rejectedStage(stageName, stage?.reason ?? null)}
      />
    </>
  );
}

export default function ProfilePage() {
  const { data, error, loading } = useQuery(MyProfileDocument);
  if (loading && !data) return <PageLoading />;
  if (error && !data)
    return (
      <Page title={t.title}>
        <Alert color="red" role="alert">
          {messageOf(error)}
        </Alert>
      </Page>
    );
  if (!data) return null;
  const me = data.me;
  return (
    <Page title={t.title} intro={t.intro}>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h3" data-testid="profile-name">
            {me.displayName}
          </Title>
          <Text>
            {commonMessages.careerStages[me.careerStage]} · {me.institution.name}
          </Text>
          <Text>
            {t.email}: {me.email}
          </Text>
          {me.joinedAt && (
            <Text>
              {t.joined}: {new Date(me.joinedAt).toLocaleDateString()}
            </Text>
          )}
          <Group gap="xs" role="group" aria-label={t.roles}>
            {me.roles.map((grant) => (
              <Badge key={`${grant.role}-${grant.institutionId ?? ''}`} variant="light">
                {commonMessages.roles[grant.role]}
              </Badge>
            ))}
          </Group>
          <ChangesWaiting me={me} />
          <Anchor component={Link} to="/demographics">
            {t.demographicsLink}
          </Anchor>
        </Stack>
      </Card>
      <ProfileForm me={me} />
    </Page>
  );
}
