import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  Stack,
  TagsInput,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MentoringHomeQuery, MentorSuggestionsQuery } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { commonMessages } from '../../lib/messages';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { useSession } from '../../session/session-context';
import { mentoringMessages as t } from './messages';
import {
  MentoringHomeDocument,
  MentorSuggestionsDocument,
  RequestMentorDocument,
  UpsertMenteeProfileDocument,
  UpsertMentorProfileDocument,
} from './operations';

function MenteeProfileForm({ profile }: { profile: MentoringHomeQuery['myMenteeProfile'] }) {
  const [upsert] = useMutation(UpsertMenteeProfileDocument, {
    refetchQueries: [MentorSuggestionsDocument, MentoringHomeDocument],
  });
  const form = useForm({
    initialValues: {
      goals: profile?.goals ?? [],
      interests: profile?.interests ?? [],
      preferOtherInstitution: profile?.preferOtherInstitution ?? false,
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await upsert({
        variables: { input: { ...values, preferredMentorStages: profile?.preferredMentorStages ?? [] } },
      });
      notifications.show({ color: 'green', message: t.profileSaved });
    } catch (error) {
      if (!showFieldErrors(form, error)) notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="mentee-profile">
      <Stack gap="xs">
        <Title order={2} size="h3" id="mentee-profile">
          {t.menteeProfile}
        </Title>
        <TagsInput label={t.goals} description={t.goalsHint} {...form.getInputProps('goals')} />
        <TagsInput label={t.interests} description={t.interestsHint} {...form.getInputProps('interests')} />
        <Checkbox
          label={t.preferOther}
          {...form.getInputProps('preferOtherInstitution', { type: 'checkbox' })}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t.saveProfile}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function MentorProfileForm({ profile }: { profile: MentoringHomeQuery['myMentorProfile'] }) {
  const [upsert] = useMutation(UpsertMentorProfileDocument, { refetchQueries: [MentoringHomeDocument] });
  const form = useForm({
    initialValues: {
      capacity: profile?.capacity ?? 2,
      expertise: profile?.expertise ?? [],
      interests: profile?.interests ?? [],
      acceptsDirectRequests: profile?.acceptsDirectRequests ?? true,
      paused: profile?.paused ?? false,
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await upsert({ variables: { input: values } });
      notifications.show({ color: 'green', message: t.profileSaved });
    } catch (error) {
      if (!showFieldErrors(form, error)) notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="mentor-profile">
      <Stack gap="xs">
        <Title order={2} size="h3" id="mentor-profile">
          {t.mentorProfile}
        </Title>
        <NumberInput
          label={t.capacity}
          min={1}
          max={10}
          allowDecimal={false}
          {...form.getInputProps('capacity')}
        />
        <TagsInput label={t.expertise} {...form.getInputProps('expertise')} />
        <TagsInput label={t.interests} {...form.getInputProps('interests')} />
        <Checkbox
          label={t.acceptsRequests}
          {...form.getInputProps('acceptsDirectRequests', { type: 'checkbox' })}
        />
        <Checkbox label={t.paused} {...form.getInputProps('paused', { type: 'checkbox' })} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t.saveProfile}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Suggestion({ suggestion }: { suggestion: MentorSuggestionsQuery['mentorSuggestions'][number] }) {
  const [message, setMessage] = useState('');
  const [request, requesting] = useMutation(RequestMentorDocument, {
    refetchQueries: [MentoringHomeDocument, MentorSuggestionsDocument],
  });
  const name = suggestion.mentor.displayName;
  const ask = async () => {
    try {
      await request({ variables: { input: { mentorId: suggestion.mentor.id, message } } });
      notifications.show({ color: 'green', message: t.requested });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Card withBorder component="article">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {name}
          </Title>
          <Text size="sm">{t.places(suggestion.remainingCapacity)}</Text>
        </Group>
        <Text size="sm">
          {commonMessages.careerStages[suggestion.mentor.careerStage]} · {suggestion.mentor.institution.name}
        </Text>
        <Text size="sm" fw={600}>
          {t.why}
        </Text>
        <List size="sm">
          {suggestion.reasons.map((reason) => (
            <List.Item key={`${reason.kind}-${reason.detail}`}>{reason.detail}</List.Item>
          ))}
        </List>
        <Textarea
          label={t.requestMessage(name)}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
        />
        <Group>
          <Button onClick={() => void ask()} loading={requesting.loading} disabled={!message.trim()}>
            {t.request(name)}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Relationships({ relationships }: { relationships: MentoringHomeQuery['myRelationships'] }) {
  const session = useSession();
  if (relationships.edges.length === 0) return <Text>{t.noRelationships}</Text>;
  return (
    <Stack gap="xs">
      {nodes(relationships).map((relationship) => {
        const iMentor = relationship.mentor.id === session.member?.id;
        return (
          <Card key={relationship.id} withBorder>
            <Group justify="space-between">
              <Anchor component={Link} to={`/mentoring/${relationship.id}`}>
                {iMentor
                  ? t.youMentor(relationship.mentee.displayName)
                  : t.mentoredBy(relationship.mentor.displayName)}
              </Anchor>
              <Group gap="xs">
                <Badge variant="light">{t.status[relationship.status]}</Badge>
                {relationship.health === 'AT_RISK' && (
                  <Badge color="red" variant="light">
                    {t.atRisk}
                  </Badge>
                )}
              </Group>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}

export default function MentoringPage() {
  const session = useSession();
  const home = useQuery(MentoringHomeDocument, { fetchPolicy: 'cache-and-network' });
  const suggestions = useQuery(MentorSuggestionsDocument);
  return (
    <Page title={t.title} intro={t.intro}>
      <QueryState data={home.data} loading={home.loading} error={home.error}>
        {(data) => (
          <Stack gap="xl">
            <section aria-labelledby="relationships">
              <Title order={2} size="h3" id="relationships" mb="xs">
                {t.relationshipsTitle}
              </Title>
              <Relationships relationships={data.myRelationships} />
              <ShowMore query={home} path={['myRelationships']} label={t.moreRelationships} />
            </section>
            <MenteeProfileForm profile={data.myMenteeProfile} />
            <section aria-labelledby="suggestions">
              <Title order={2} size="h3" id="suggestions" mb="xs">
                {t.suggestionsTitle}
              </Title>
              <QueryState data={suggestions.data} loading={suggestions.loading} error={suggestions.error}>
                {(found) =>
                  found.mentorSuggestions.length === 0 ? (
                    <Text>{t.noSuggestions}</Text>
                  ) : (
                    <Stack gap="sm">
                      {found.mentorSuggestions.map((suggestion) => (
                        <Suggestion key={suggestion.mentor.id} suggestion={suggestion} />
                      ))}
                    </Stack>
                  )
                }
              </QueryState>
            </section>
            {session.hasRole('MENTOR') && <MentorProfileForm profile={data.myMentorProfile} />}
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
