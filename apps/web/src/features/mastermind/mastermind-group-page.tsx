import { Anchor, Badge, Button, Card, Group, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { MastermindGroupQuery, NextStepFieldsFragment } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { messageOf } from '../../lib/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { commonMessages } from '../../lib/messages';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { Section } from '../../lib/section';
import { ShowMore } from '../../lib/show-more';
import { useSession } from '../../session/session-context';
import { mastermindMessages as t } from './messages';
import { MastermindGroupDocument, RateSessionDocument, ReportNextStepDoneDocument } from './operations';
import { RecordSessionForm } from './record-session-form';

type Session = MastermindGroupQuery['mastermindSessions']['edges'][number]['node'];

/** Next steps, each with its owner; the viewer marks their own done (the button names the step). */
export function Steps({ steps, viewerId }: { steps: NextStepFieldsFragment[]; viewerId?: string }) {
  const [report, reporting] = useMutation(ReportNextStepDoneDocument);
  const done = async (stepId: string) => {
    try {
      await report({ variables: { stepId } });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {steps.map((step) => (
        <Group key={step.id} component="li" gap="xs" wrap="nowrap">
          <Text size="sm">
            <strong>{step.member.displayName}</strong>: {step.text}
          </Text>
          {step.done ? (
            <Badge color="green" variant="light">
              {t.done}
            </Badge>
          ) : (
            step.member.id === viewerId && (
              <Button
                size="compact-xs"
                variant="outline"
                loading={reporting.loading}
                onClick={() => void done(step.id)}
                aria-label={t.markStepDone(step.text)}
              >
                {t.markDone}
              </Button>
            )
          )}
        </Group>
      ))}
    </Stack>
  );
}

function Rate({ session }: { session: Session }) {
  const [rate, rating] = useMutation(RateSessionDocument);
  const [value, setValue] = useState<number | string>('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    if (!Number.isInteger(value) || Number(value) < 1 || Number(value) > 5) {
      setProblem(t.ratingRange);
      return;
    }
    setProblem(null);
    try {
      await rate({ variables: { sessionId: session.id, rating: Number(value) } });
      notifications.show({ color: 'green', message: t.rated });
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  if (session.myRating) return <Text size="sm">{t.yourRating(session.myRating)}</Text>;
  return (
    <Group align="flex-end" gap="xs">
      <NumberInput
        label={t.rate}
        min={1}
        max={5}
        allowDecimal={false}
        value={value}
        onChange={setValue}
        error={problem}
        w={220}
      />
      <Button variant="outline" loading={rating.loading} onClick={() => void submit()}>
        {t.rateButton}
      </Button>
    </Group>
  );
}

function GroupView({ data, more }: { data: MastermindGroupQuery; more: ReactNode }) {
  const session = useSession();
  const group = data.mastermindGroup;
  const viewerId = session.member?.id;
  const people = [group.facilitator, ...group.members];
  const sessions = nodes(data.mastermindSessions);
  return (
    <Stack gap="lg">
      <Text size="sm">
        {t.facilitatedBy(group.facilitator.displayName)} · {t.size(group.size, group.cadenceDays)}
      </Text>
      <Section id="people" title={t.members}>
        <Text size="sm">{people.map((person) => person.displayName).join(', ')}</Text>
        <Group gap="xs" mt="xs" aria-label={t.stageMix}>
          {group.stageMix.map((entry) => (
            <Badge key={entry.stage} variant="light" color="gray">
              {commonMessages.careerStages[entry.stage]}: {entry.count}
            </Badge>
          ))}
        </Group>
      </Section>
      <Section id="open-steps" title={t.openSteps}>
        {group.openNextSteps.length === 0 ? (
          <Text size="sm">{t.noOpenSteps}</Text>
        ) : (
          <Steps steps={group.openNextSteps} viewerId={viewerId} />
        )}
      </Section>
      <Section id="sessions" title={t.sessions}>
        {sessions.length === 0 && <Text size="sm">{t.noSessions}</Text>}
        <Stack gap="sm">
          {sessions.map((item) => (
            <Card withBorder key={item.id} component="article" aria-label={t.held(formatDate(item.heldAt))}>
              <Stack gap={4}>
                <Text fw={600}>{t.held(formatDateTime(item.heldAt))}</Text>
                <Text size="sm">
                  {t.attendees}: {item.attendees.map((person) => person.displayName).join(', ')}
                </Text>
                {item.resources.length > 0 && (
                  <Text size="sm">
                    {t.resources}: {item.resources.join(' · ')}
                  </Text>
                )}
                {item.referrals.length > 0 && (
                  <Text size="sm">
                    {t.referrals}: {item.referrals.join(' · ')}
                  </Text>
                )}
                {item.nextSteps.length > 0 && (
                  <>
                    <Text size="sm" fw={600}>
                      {t.setInSession}
                    </Text>
                    <Steps steps={item.nextSteps} viewerId={viewerId} />
                  </>
                )}
                {item.carriedOver.length > 0 && (
                  <>
                    <Text size="sm" fw={600}>
                      {t.carriedOver}
                    </Text>
                    <Steps steps={item.carriedOver} viewerId={viewerId} />
                  </>
                )}
                <Text size="sm">{t.rating(item.averageRating, item.ratingCount)}</Text>
                {item.attendees.some((person) => person.id === viewerId) && <Rate session={item} />}
              </Stack>
            </Card>
          ))}
        </Stack>
        {more}
      </Section>
      {group.facilitator.id === viewerId && <RecordSessionForm groupId={group.id} people={people} />}
    </Stack>
  );
}

export default function MastermindGroupPage() {
  const { id = '' } = useParams();
  const query = useQuery(MastermindGroupDocument, { variables: { id } });
  return (
    <Page title={query.data?.mastermindGroup.name ?? t.title}>
      <Anchor component={Link} to="/mentoring/mastermind">
        {t.back}
      </Anchor>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) => (
          <GroupView
            data={data}
            more={<ShowMore query={query} path={['mastermindSessions']} label={t.moreSessions} />}
          />
        )}
      </QueryState>
    </Page>
  );
}
