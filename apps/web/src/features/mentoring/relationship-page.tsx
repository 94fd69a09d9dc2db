import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { RelationshipFieldsFragment } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { formatDateTime } from '../../lib/format';
import { nodes } from '../../lib/connection';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { useSession } from '../../session/session-context';
import { AgreementPanel } from './agreement-panel';
import { mentoringMessages as t } from './messages';
import {
  GiveFeedbackDocument,
  LogCheckInDocument,
  MentoringHomeDocument,
  RelationshipCheckInsDocument,
  RelationshipDocument,
  RelationshipFeedbackDocument,
  RespondToRequestDocument,
} from './operations';

function Respond({ relationship }: { relationship: RelationshipFieldsFragment }) {
  const [message, setMessage] = useState('');
  const [respond, responding] = useMutation(RespondToRequestDocument, {
    refetchQueries: [MentoringHomeDocument],
  });
  const answer = async (accept: boolean) => {
    try {
      await respond({ variables: { id: relationship.id, accept, message: message.trim() || null } });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t.requestFrom(relationship.mentee.displayName)}</Text>
        {relationship.requestMessage && <Text>“{relationship.requestMessage}”</Text>}
        <Textarea
          label={t.responseMessage}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
        />
        <Group>
          <Button loading={responding.loading} onClick={() => void answer(true)}>
            {t.accept}
          </Button>
          <Button variant="outline" loading={responding.loading} onClick={() => void answer(false)}>
            {t.decline}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CheckIns({ relationship }: { relationship: RelationshipFieldsFragment }) {
  const checkIns = useQuery(RelationshipCheckInsDocument, { variables: { id: relationship.id } });
  const [logCheckIn] = useMutation(LogCheckInDocument, {
    // the relationship's last check-in and health, and the check-ins from the newest
    refetchQueries: [
      { query: RelationshipDocument, variables: { id: relationship.id } },
      { query: RelationshipCheckInsDocument, variables: { id: relationship.id } },
    ],
    awaitRefetchQueries: true,
  });
  const today = new Date().toISOString().slice(0, 10);
  const form = useForm({
    initialValues: { heldAt: today, progress: '', nextSteps: '' },
    validate: {
      progress: (value) => (value.trim() ? null : t.required),
      heldAt: (value) => (value ? null : t.required),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      // a date without a time: noon UTC of that day, never in the future for today
      const heldAt = values.heldAt === today ? new Date().toISOString() : `${values.heldAt}T12:00:00.000Z`;
      await logCheckIn({ variables: { relationshipId: relationship.id, input: { ...values, heldAt } } });
      form.reset();
      notifications.show({ color: 'green', message: t.checkInLogged });
    } catch (error) {
      if (!showFieldErrors(form, error)) notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  return (
    <section aria-labelledby="check-ins">
      <Title order={2} size="h3" id="check-ins" mb="xs">
        {t.checkInsTitle}
      </Title>
      <QueryState data={checkIns.data} loading={checkIns.loading} error={checkIns.error}>
        {({ relationship: { checkIns: page } }) =>
          page.edges.length === 0 ? (
            <Text>{t.noCheckIns}</Text>
          ) : (
            <>
              <Timeline active={page.edges.length} bulletSize={14}>
                {nodes(page).map((checkIn) => (
                  <Timeline.Item
                    key={checkIn.id}
                    title={`${formatDateTime(checkIn.heldAt)} · ${checkIn.loggedBy.displayName}`}
                  >
                    <Text size="sm">{checkIn.progress}</Text>
                    {checkIn.nextSteps && (
                      <Text size="sm">
                        {t.nextSteps}: {checkIn.nextSteps}
                      </Text>
                    )}
                  </Timeline.Item>
                ))}
              </Timeline>
              <ShowMore query={checkIns} path={['relationship', 'checkIns']} label={t.moreCheckIns} />
            </>
          )
        }
      </QueryState>
      {relationship.status === 'ACTIVE' && (
        <form onSubmit={submit} noValidate aria-label={t.logCheckIn}>
          <Stack gap="xs" mt="md">
            <TextInput type="date" label={t.heldAt} max={today} required {...form.getInputProps('heldAt')} />
            <Textarea label={t.progress} required {...form.getInputProps('progress')} />
            <Textarea label={t.nextSteps} {...form.getInputProps('nextSteps')} />
            <Group>
              <Button type="submit" loading={form.submitting}>
                {t.logCheckIn}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </section>
  );
}

/** The feedback period the server files feedback under now: the UTC month, as `2026-12`. */
function currentFeedbackPeriod(): string {
  return new Date().toISOString().slice(0, 7);
}

function FeedbackPanel({ relationship }: { relationship: RelationshipFieldsFragment }) {
  const session = useSession();
  const [offerRePairing, setOfferRePairing] = useState(false);
  const feedback = useQuery(RelationshipFeedbackDocument, { variables: { id: relationship.id } });
  // one feedback per side a month: once given (newest first, so on the first page), the form would only be refused
  const period = currentFeedbackPeriod();
  const givenThisMonth =
    feedback.data !== undefined &&
    nodes(feedback.data.relationship.feedback).some(
      (item) => item.period === period && item.author.id === session.member?.id,
    );
  const [give] = useMutation(GiveFeedbackDocument, {
    refetchQueries: [{ query: RelationshipFeedbackDocument, variables: { id: relationship.id } }],
  });
  const form = useForm<{ rating: number | string; comment: string }>({
    initialValues: { rating: '', comment: '' },
    validate: {
      rating: (value) =>
        Number.isInteger(value) && Number(value) >= 1 && Number(value) <= 5 ? null : t.rating,
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const { data } = await give({
        variables: {
          relationshipId: relationship.id,
          input: { rating: Number(values.rating), comment: values.comment.trim() || null },
        },
      });
      setOfferRePairing(data?.giveFeedback.offerRePairing ?? false);
      notifications.show({ color: 'green', message: t.feedbackGiven });
      form.reset();
    } catch (error) {
      if (!showFieldErrors(form, error)) notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  return (
    <section aria-labelledby="feedback">
      <Title order={2} size="h3" id="feedback" mb="xs">
        {t.feedbackTitle}
      </Title>
      <Text size="sm">{t.feedbackHint}</Text>
      <QueryState data={feedback.data} loading={feedback.loading} error={feedback.error}>
        {({ relationship: { feedback: page } }) => (
          <Stack gap={4} my="xs">
            {nodes(page).map((item) => (
              <Text key={item.id} size="sm">
                {t.by(item.author.displayName, item.rating)} {item.comment ? `· ${item.comment}` : ''}
              </Text>
            ))}
            <ShowMore query={feedback} path={['relationship', 'feedback']} label={t.moreFeedback} />
          </Stack>
        )}
      </QueryState>
      {offerRePairing && <Text role="status">{t.rePair}</Text>}
      {relationship.status === 'ACTIVE' && givenThisMonth && (
        <Text size="sm">{t.feedbackGivenThisMonth}</Text>
      )}
      {relationship.status === 'ACTIVE' && !feedback.loading && !givenThisMonth && (
        <form onSubmit={submit} noValidate aria-label={t.giveFeedback}>
          <Stack gap="xs">
            <NumberInput
              label={t.rating}
              min={1}
              max={5}
              allowDecimal={false}
              {...form.getInputProps('rating')}
            />
            <Textarea label={t.comment} {...form.getInputProps('comment')} />
            <Group>
              <Button type="submit" variant="outline" loading={form.submitting}>
                {t.giveFeedback}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </section>
  );
}

function RelationshipView({ relationship }: { relationship: RelationshipFieldsFragment }) {
  const session = useSession();
  const iMentor = relationship.mentor.id === session.member?.id;
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge variant="light">{t.status[relationship.status]}</Badge>
        {relationship.health && (
          <Badge variant="light" color={relationship.health === 'AT_RISK' ? 'red' : 'green'}>
            {relationship.health === 'AT_RISK' ? t.atRisk : t.onTrack}
          </Badge>
        )}
      </Group>
      {relationship.status === 'REQUESTED' && iMentor && <Respond relationship={relationship} />}
      <AgreementPanel relationship={relationship} viewerId={session.member?.id} />
      <CheckIns relationship={relationship} />
      <FeedbackPanel relationship={relationship} />
    </Stack>
  );
}

export default function RelationshipPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const query = useQuery(RelationshipDocument, { variables: { id } });
  const relationship = query.data?.relationship;
  const other = relationship
    ? relationship.mentor.id === session.member?.id
      ? relationship.mentee.displayName
      : relationship.mentor.displayName
    : '';
  return (
    <Page title={relationship ? t.with(other) : t.title}>
      <Anchor component={Link} to="/mentoring">
        {t.back}
      </Anchor>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) => <RelationshipView relationship={data.relationship} />}
      </QueryState>
    </Page>
  );
}
