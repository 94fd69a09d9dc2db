import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { ActionPlanFieldsFragment } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { messageOf } from '../../lib/errors';
import { ListField } from '../../lib/list-field';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { formatDate, formatDateTime } from '../../lib/format';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { Section } from '../../lib/section';
import { workshopMessages as t } from './messages';
import {
  ActionPlanDocument,
  CoachingRequestsDocument,
  RequestCvReviewDocument,
  RequestFollowUpDocument,
  RespondToCoachingRequestDocument,
  SetActionPlanDocument,
} from './operations';

interface PlanValues {
  /** one objective a line */
  objectives: string;
  actions: { text: string; dueDate: string; done: boolean }[];
}

const today = () => new Date().toISOString().slice(0, 10);

function planValues(plan: ActionPlanFieldsFragment | null | undefined): PlanValues {
  if (!plan) return { objectives: '', actions: [{ text: '', dueDate: today(), done: false }] };
  return {
    objectives: plan.objectives.join('\n'),
    actions: plan.actions.map((action) => ({ ...action, dueDate: action.dueDate.slice(0, 10) })),
  };
}

function PlanView({ plan }: { plan: ActionPlanFieldsFragment }) {
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm">{t.percentDone(plan.percentDone)}</Text>
        {plan.overdue > 0 && (
          <Badge color="red" variant="light">
            {t.overdue(plan.overdue)}
          </Badge>
        )}
      </Group>
      <Progress value={plan.percentDone} aria-label={t.percentDone(plan.percentDone)} />
      <Text size="sm" fw={600}>
        {t.objectives}
      </Text>
      <List size="sm">
        {plan.objectives.map((objective, index) => (
          <List.Item key={index}>{objective}</List.Item>
        ))}
      </List>
      <Text size="sm" fw={600}>
        {t.actions}
      </Text>
      <List size="sm">
        {plan.actions.map((action, index) => (
          <List.Item key={index}>
            {action.text} · {t.due(formatDate(action.dueDate))} · {action.done ? t.done : t.notDone}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The student's own action plan: objectives and dated actions, written (and rewritten) after the workshop. */
/** The coach's (or an admin's) look at one enrolled student's action plan, loaded when asked for. */
export function StudentPlan({
  workshopId,
  student,
}: {
  workshopId: string;
  student: { id: string; displayName: string };
}) {
  const [open, setOpen] = useState(false);
  const query = useQuery(ActionPlanDocument, {
    variables: { workshopId, memberId: student.id },
    skip: !open,
  });
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="subtle" size="xs" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t.studentPlan(student.displayName)}
        </Button>
      </Group>
      {open && (
        <QueryState data={query.data} loading={query.loading} error={query.error}>
          {(data) =>
            data.actionPlan ? <PlanView plan={data.actionPlan} /> : <Text size="sm">{t.noStudentPlan}</Text>
          }
        </QueryState>
      )}
    </Stack>
  );
}

export function ActionPlanSection({ workshopId }: { workshopId: string }) {
  const query = useQuery(ActionPlanDocument, { variables: { workshopId } });
  const [editing, setEditing] = useState(false);
  const plan = query.data?.actionPlan;
  return (
    <Section id="action-plan" title={t.actionPlanTitle}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {() =>
          plan && !editing ? (
            <Stack gap="xs">
              <PlanView plan={plan} />
              <Group>
                <Button variant="outline" onClick={() => setEditing(true)}>
                  {t.editPlan}
                </Button>
              </Group>
            </Stack>
          ) : (
            <ActionPlanForm workshopId={workshopId} plan={plan} onSaved={() => setEditing(false)} />
          )
        }
      </QueryState>
    </Section>
  );
}

export function ActionPlanForm({
  workshopId,
  plan,
  onSaved,
}: {
  workshopId: string;
  plan?: ActionPlanFieldsFragment | null;
  onSaved: () => void;
}) {
  const [save] = useMutation(SetActionPlanDocument, {
    refetchQueries: [{ query: ActionPlanDocument, variables: { workshopId } }],
    awaitRefetchQueries: true,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<PlanValues>({
    initialValues: planValues(plan),
    validate: {
      objectives: (value) => (value.trim() ? null : t.objectiveNeeded),
      actions: {
        text: (value) => (value.trim() ? null : t.required),
        dueDate: (value) => (value ? null : t.required),
      },
    },
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    const input = {
      objectives: values.objectives
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      actions: values.actions.map((action) => ({
        text: action.text.trim(),
        dueDate: new Date(`${action.dueDate}T12:00:00Z`).toISOString(),
        done: action.done,
      })),
    };
    try {
      await save({ variables: { workshopId, input } });
      notifications.show({ color: 'green', message: t.planSaved });
      onSaved();
    } catch (error) {
      // the objectives go as a list and are typed one a line
      if (!showFieldErrors(form, error, { fields: { objectives: 'objectives' } }))
        setProblem(messageOf(error));
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label={t.actionPlanTitle}>
      <Stack gap="sm">
        <Text size="sm">{t.actionPlanIntro}</Text>
        <FormProblem problem={problem} />
        <Textarea
          label={t.objectives}
          description={t.objectivesHint}
          rows={3}
          required
          {...form.getInputProps('objectives')}
        />
        <ListField
          form={form}
          path="actions"
          labels={{ item: t.action, remove: t.removeAction, add: t.addAction }}
          newItem={() => ({ text: '', dueDate: today(), done: false })}
          actions={
            <Button type="submit" loading={form.submitting}>
              {t.savePlan}
            </Button>
          }
        >
          {(index) => (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t.actionText(index)}
                required
                {...form.getInputProps(`actions.${index}.text`)}
              />
              <TextInput
                type="date"
                label={t.actionDue(index)}
                {...form.getInputProps(`actions.${index}.dueDate`)}
              />
              <Checkbox
                label={t.actionDone(index)}
                mt={{ sm: 'xl' }}
                {...form.getInputProps(`actions.${index}.done`, { type: 'checkbox' })}
              />
            </SimpleGrid>
          )}
        </ListField>
      </Stack>
    </form>
  );
}

/** Ask the coach for a CV review (a link or the text, one of them) or a follow-up meeting. */
export function CoachingRequestForm({ workshopId }: { workshopId: string }) {
  const refetch = { refetchQueries: [{ query: CoachingRequestsDocument, variables: { workshopId } }] };
  const [cvReview] = useMutation(RequestCvReviewDocument, refetch);
  const [followUp] = useMutation(RequestFollowUpDocument, refetch);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    initialValues: { kind: 'CV_REVIEW' as 'CV_REVIEW' | 'FOLLOW_UP', documentUrl: '', text: '' },
    validate: {
      documentUrl: (value, values) =>
        values.kind === 'CV_REVIEW' && Boolean(value.trim()) === Boolean(values.text.trim())
          ? t.linkOrText
          : null,
      text: (value, values) => (values.kind === 'FOLLOW_UP' && !value.trim() ? t.required : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      if (values.kind === 'CV_REVIEW') {
        await cvReview({
          variables: {
            workshopId,
            input: { documentUrl: values.documentUrl.trim() || null, text: values.text.trim() || null },
          },
        });
      } else {
        await followUp({ variables: { workshopId, message: values.text.trim() } });
      }
      notifications.show({ color: 'green', message: t.requestSent });
      form.reset();
    } catch (error) {
      if (!showFieldErrors(form, error)) setProblem(messageOf(error));
    }
  }, focusFirstError);
  const cv = form.values.kind === 'CV_REVIEW';
  return (
    <form onSubmit={submit} noValidate aria-label={t.askCoach}>
      <Stack gap="sm">
        <FormProblem problem={problem} />
        <Radio.Group label={t.requestKind} {...form.getInputProps('kind')}>
          <Group mt={4}>
            <Radio value="CV_REVIEW" label={t.kind.CV_REVIEW} />
            <Radio value="FOLLOW_UP" label={t.kind.FOLLOW_UP} />
          </Group>
        </Radio.Group>
        {cv && (
          <TextInput
            type="url"
            label={t.cvLink}
            description={t.cvLinkHint}
            {...form.getInputProps('documentUrl')}
          />
        )}
        <Textarea label={cv ? t.cvText : t.followUpMessage} rows={4} {...form.getInputProps('text')} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t.sendRequest}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RespondForm({ id }: { id: string }) {
  const [respond] = useMutation(RespondToCoachingRequestDocument);
  const form = useForm({
    initialValues: { response: '' },
    validate: { response: (value) => (value.trim() ? null : t.required) },
  });
  const submit = form.onSubmit(async ({ response }) => {
    try {
      await respond({ variables: { id, response: response.trim() } });
      notifications.show({ color: 'green', message: t.responseSent });
    } catch (error) {
      if (!showFieldErrors(form, error, { prefix: '' })) form.setFieldError('response', messageOf(error));
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label={t.respondTo}>
      <Stack gap="xs">
        <Textarea label={t.yourResponse} rows={3} {...form.getInputProps('response')} />
        <Group>
          <Button type="submit" size="sm" loading={form.submitting}>
            {t.respond}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** CV reviews and follow-ups, newest first: the coach sees all and answers; a student sees their own. */
export function CoachingRequests({ workshopId, coach }: { workshopId: string; coach: boolean }) {
  const query = useQuery(CoachingRequestsDocument, { variables: { workshopId } });
  return (
    <QueryState data={query.data} loading={query.loading} error={query.error}>
      {(data) =>
        data.coachingRequests.edges.length === 0 ? (
          <Text size="sm">{t.noRequests}</Text>
        ) : (
          <Stack gap="sm">
            {nodes(data.coachingRequests).map((request) => (
              <Card key={request.id} withBorder component="article" aria-labelledby={`r-${request.id}`}>
                <Stack gap={4}>
                  <Title order={3} size="h5" id={`r-${request.id}`}>
                    {t.kind[request.kind]}
                    {coach ? ` · ${request.student.displayName}` : ''}
                  </Title>
                  <Text size="xs" c="dark.6">
                    {formatDateTime(request.createdAt)}
                  </Text>
                  {request.documentUrl && (
                    <Text size="sm">
                      <a href={request.documentUrl} target="_blank" rel="noopener noreferrer">
                        {request.documentUrl}
                      </a>
                    </Text>
                  )}
                  {request.text && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {request.text}
                    </Text>
                  )}
                  {request.response ? (
                    <Text size="sm">
                      <strong>{t.coachAnswered(formatDateTime(request.respondedAt))}</strong>{' '}
                      {request.response}
                    </Text>
                  ) : coach ? (
                    <RespondForm id={request.id} />
                  ) : (
                    <Text size="sm">{t.awaitingAnswer}</Text>
                  )}
                </Stack>
              </Card>
            ))}
            <ShowMore query={query} path={['coachingRequests']} label={t.moreRequests} />
          </Stack>
        )
      }
    </QueryState>
  );
}
