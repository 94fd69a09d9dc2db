import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
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
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { CareerStage, CreateProgrammeInput, ProgrammeMode } from '../../gql/graphql';
import { messageOf, type FieldMap } from '../../lib/errors';
import { ListField } from '../../lib/list-field';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { toLocalInput } from '../../lib/format';
import { commonMessages } from '../../lib/messages';
import { Page } from '../../lib/page';
import { communityMessages as t } from './messages';
import { CreateProgrammeDocument, ProgrammesDocument } from './operations';
import { programmeProblems, type ProgrammeValues, type SessionValues } from './programme-form';
import { viewerTimeZone } from './validation';

const STAGES = Object.keys(commonMessages.careerStages) as CareerStage[];
const MODES = Object.keys(t.mode) as ProgrammeMode[];
const DAY = 86_400_000;

function newSession(startsAt: Date): SessionValues {
  return {
    theme: '',
    startsAt: toLocalInput(startsAt),
    timeZone: viewerTimeZone(),
    durationMinutes: 60,
    joiningLink: '',
  };
}

function defaults(): ProgrammeValues {
  const now = Date.now();
  return {
    title: '',
    description: '',
    audience: [],
    capacity: 20,
    mode: 'ONLINE',
    applicationOpensAt: toLocalInput(new Date(now)),
    applicationClosesAt: toLocalInput(new Date(now + 14 * DAY)),
    sessions: [newSession(new Date(now + 21 * DAY))],
    reflectionQuestions: '',
    certificateMinSharePercent: 70,
    interests: '',
  };
}

/** The form's values as the API takes them: instants for the window, each session's local time in its zone. */
export function toProgrammeInput(values: ProgrammeValues, communityId: string | null): CreateProgrammeInput {
  const list = (text: string, separator: RegExp) =>
    text
      .split(separator)
      .map((item) => item.trim())
      .filter(Boolean);
  return {
    communityId,
    title: values.title.trim(),
    description: values.description.trim(),
    audience: values.audience,
    capacity: values.capacity,
    mode: values.mode,
    applicationOpensAt: new Date(values.applicationOpensAt).toISOString(),
    applicationClosesAt: new Date(values.applicationClosesAt).toISOString(),
    sessions: values.sessions.map((session) => ({
      theme: session.theme.trim(),
      // the time typed is the session's own clock, in its zone (not necessarily the organiser's)
      localDate: session.startsAt.slice(0, 10),
      localTime: session.startsAt.slice(11, 16),
      timeZone: session.timeZone.trim(),
      durationMinutes: session.durationMinutes,
      joiningLink: session.joiningLink.trim() || null,
    })),
    reflectionQuestions: list(values.reflectionQuestions, /\n/),
    certificateMinSharePercent: values.certificateMinSharePercent,
    interests: list(values.interests, /,/),
  };
}

/** The API's fields the form names otherwise: a session's date and time are its one start field, lists typed as text. */
const PROGRAMME_FIELDS: FieldMap = {
  'sessions.*.localDate': 'sessions.*.startsAt',
  'sessions.*.localTime': 'sessions.*.startsAt',
  audience: 'audience',
  reflectionQuestions: 'reflectionQuestions',
  interests: 'interests',
};

export function ProgrammeForm({ communityId }: { communityId: string | null }) {
  const navigate = useNavigate();
  const [create] = useMutation(CreateProgrammeDocument, {
    refetchQueries: [ProgrammesDocument],
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [initialValues] = useState(defaults);
  const form = useForm<ProgrammeValues>({ initialValues, validate: programmeProblems });
  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const { data } = await create({ variables: { input: toProgrammeInput(values, communityId) } });
      notifications.show({ color: 'green', message: t.programmeCreated });
      if (data) void navigate(`/programmes/${data.createProgramme.id}`);
    } catch (error) {
      if (!showFieldErrors(form, error, { fields: PROGRAMME_FIELDS })) setProblem(messageOf(error));
    }
  }, focusFirstError);
  const f = t.programmeFields;
  const last = form.values.sessions.at(-1);
  return (
    <form onSubmit={submit} noValidate aria-label={t.newProgrammeTitle}>
      <Stack>
        <FormProblem problem={problem} />
        <TextInput label={f.title} required {...form.getInputProps('title')} />
        <Textarea label={f.description} rows={3} {...form.getInputProps('description')} />
        <Checkbox.Group label={f.audience} required {...form.getInputProps('audience')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt={4} spacing={4}>
            {STAGES.map((stage) => (
              <Checkbox key={stage} value={stage} label={commonMessages.careerStages[stage]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Radio.Group label={f.mode} {...form.getInputProps('mode')}>
          <Group mt={4}>
            {MODES.map((mode) => (
              <Radio key={mode} value={mode} label={t.mode[mode]} />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={f.capacity} min={1} allowDecimal={false} {...form.getInputProps('capacity')} />
          <TextInput type="datetime-local" label={f.opens} {...form.getInputProps('applicationOpensAt')} />
          <TextInput type="datetime-local" label={f.closes} {...form.getInputProps('applicationClosesAt')} />
        </SimpleGrid>
        <Title order={2} size="h3">
          {t.sessionsTitle}
        </Title>
        <Text size="sm">{f.sessionsHint}</Text>
        <ListField
          form={form}
          path="sessions"
          labels={{ item: f.session, remove: f.removeSession, add: f.addSession }}
          newItem={() =>
            newSession(new Date(Date.parse(last?.startsAt ?? '') + 7 * DAY || Date.now() + 21 * DAY))
          }
        >
          {(index) => (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={f.theme(index)} required {...form.getInputProps(`sessions.${index}.theme`)} />
              <TextInput
                type="datetime-local"
                label={f.startsAt(index)}
                {...form.getInputProps(`sessions.${index}.startsAt`)}
              />
              <TextInput
                label={f.timeZone(index)}
                description={f.timeZoneHint}
                {...form.getInputProps(`sessions.${index}.timeZone`)}
              />
              <NumberInput
                label={f.duration(index)}
                min={1}
                allowDecimal={false}
                {...form.getInputProps(`sessions.${index}.durationMinutes`)}
              />
              <TextInput
                type="url"
                label={f.joiningLink(index)}
                description={form.values.mode === 'ONLINE' ? f.joiningLinkOnline : f.joiningLinkOptional}
                {...form.getInputProps(`sessions.${index}.joiningLink`)}
              />
            </SimpleGrid>
          )}
        </ListField>
        <Textarea
          label={f.reflectionQuestions}
          description={f.reflectionQuestionsHint}
          rows={2}
          {...form.getInputProps('reflectionQuestions')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={f.certificateShare}
            min={1}
            max={100}
            allowDecimal={false}
            {...form.getInputProps('certificateMinSharePercent')}
          />
          <TextInput label={f.interests} description={f.interestsHint} {...form.getInputProps('interests')} />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t.createProgramme}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `/programmes/new?community=`: admins, or a community's moderators for their community. */
export default function NewProgrammePage() {
  const [params] = useSearchParams();
  const communityId = params.get('community');
  return (
    <Page title={t.newProgrammeTitle} intro={t.newProgrammeIntro}>
      <Anchor component={Link} to={communityId ? `/communities/${communityId}` : '/programmes'}>
        {communityId ? t.backToCommunity : t.backToProgrammes}
      </Anchor>
      <ProgrammeForm communityId={communityId} />
    </Page>
  );
}
