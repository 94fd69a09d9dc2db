import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ApplicantAction, CertificateFieldsFragment, ProgrammeQuery } from '../../gql/graphql';
import { saveFile } from '../../lib/download';
import { messageOf, type FieldMap } from '../../lib/errors';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { formatDate, formatDateTime } from '../../lib/format';
import { commonMessages } from '../../lib/messages';
import { Page } from '../../lib/page';
import { Section } from '../../lib/section';
import { QueryState } from '../../lib/query-state';
import { ApplyForm } from './apply-form';
import { OrganiserPanel } from './organiser-panel';
import { communityMessages as t } from './messages';
import {
  CertificateEligibilityDocument,
  CertificatePdfDocument,
  MyApplicationsDocument,
  ProgrammeDocument,
  RecordMyAttendanceDocument,
  RequestCertificateDocument,
  RespondToPlaceDocument,
  SubmitReflectionDocument,
} from './operations';
import { formatInViewerZone, normaliseSessionCode, sessionCodeProblem, viewerTimeZone } from './validation';

type Programme = ProgrammeQuery['programme'];
type Session = Programme['sessions'][number];

const ACTIONS: Partial<Record<string, { action: ApplicantAction; label: string; primary?: boolean }[]>> = {
  OFFERED: [
    { action: 'CONFIRM', label: t.confirmPlace, primary: true },
    { action: 'DECLINE', label: t.declinePlace },
  ],
  ACCEPTED: [{ action: 'CANCEL', label: t.cancelPlace }],
  SUBMITTED: [{ action: 'CANCEL', label: t.leaveWaitlist }],
  WAITLISTED: [{ action: 'CANCEL', label: t.leaveWaitlist }],
};

function MyApplication({ programme }: { programme: Programme }) {
  const application = programme.myApplication;
  const [respond, responding] = useMutation(RespondToPlaceDocument, {
    refetchQueries: [{ query: ProgrammeDocument, variables: { id: programme.id } }, MyApplicationsDocument],
  });
  if (!application) return null;
  const act = async (action: ApplicantAction) => {
    try {
      await respond({ variables: { applicationId: application.id, action } });
      notifications.show({ color: 'green', message: t.placeUpdated });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="my-application">
      <Stack gap="xs">
        <Title order={2} size="h3" id="my-application">
          {t.yourApplications}
        </Title>
        <Group gap="xs">
          <Badge variant="light" color={application.status === 'ACCEPTED' ? 'green' : 'yellow'}>
            {t.status[application.status]}
          </Badge>
        </Group>
        {application.waitlistPosition && (
          <Text size="sm">{t.waitlistPosition(application.waitlistPosition)}</Text>
        )}
        {application.status === 'OFFERED' && application.offerExpiresAt && (
          <Text size="sm" fw={600}>
            {t.offerExpires(formatDateTime(application.offerExpiresAt))}
          </Text>
        )}
        <Group>
          {(ACTIONS[application.status] ?? []).map((item) => (
            <Button
              key={item.action}
              variant={item.primary ? 'filled' : 'outline'}
              loading={responding.loading}
              onClick={() => void act(item.action)}
            >
              {item.label}
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

function CheckIn({ programme, session }: { programme: Programme; session: Session }) {
  const [record] = useMutation(RecordMyAttendanceDocument, {
    refetchQueries: [{ query: ProgrammeDocument, variables: { id: programme.id } }],
    awaitRefetchQueries: true,
  });
  const form = useForm({ initialValues: { code: '' }, validate: { code: sessionCodeProblem } });
  const submit = form.onSubmit(async ({ code }) => {
    try {
      await record({ variables: { sessionId: session.id, code: normaliseSessionCode(code) } });
      notifications.show({ color: 'green', message: t.checkedIn });
    } catch (error) {
      if (!showFieldErrors(form, error, { prefix: '' })) form.setFieldError('code', messageOf(error));
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label={`${t.checkInTitle}: ${session.theme}`}>
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t.checkInCode}
          description={t.checkInCodeHint}
          autoComplete="off"
          required
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={form.submitting}>
          {t.checkIn}
        </Button>
      </Group>
    </form>
  );
}

function Sessions({ programme, now }: { programme: Programme; now: number }) {
  const accepted = programme.myApplication?.status === 'ACCEPTED';
  const zone = viewerTimeZone();
  return (
    <section aria-labelledby="sessions">
      <Title order={2} size="h3" id="sessions">
        {t.sessionsTitle}
      </Title>
      <Text size="sm" mb="xs">
        {t.sessionsIntro(zone)}
      </Text>
      <Stack gap="sm">
        {programme.sessions.map((session) => {
          const attended = programme.myAttendance.includes(session.id);
          const running = Date.parse(session.startsAt) <= now && now <= Date.parse(session.endsAt);
          return (
            <Card withBorder key={session.id} component="article" aria-labelledby={`s-${session.id}`}>
              <Stack gap={4}>
                <Group justify="space-between">
                  <Title order={3} size="h5" id={`s-${session.id}`}>
                    {session.position}. {session.theme}
                  </Title>
                  {attended && (
                    <Badge color="green" variant="light">
                      {t.attended}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">
                  <time dateTime={session.startsAt}>{formatInViewerZone(session.startsAt)}</time> ·{' '}
                  {t.minutes(session.durationMinutes)}
                </Text>
                {session.timeZone !== zone && (
                  <Text size="xs" c="dark.6">
                    {t.organiserTime(session.localStart)}
                  </Text>
                )}
                {session.speakers.length > 0 && (
                  <Text size="sm">
                    {t.speakers}:{' '}
                    {session.speakers.map((speaker) => `${speaker.name} (${speaker.role})`).join(', ')}
                  </Text>
                )}
                {session.joiningLink && (
                  <Anchor href={session.joiningLink} target="_blank" rel="noopener noreferrer" size="sm">
                    {t.join_link}
                  </Anchor>
                )}
                {session.sessionCode && <Text size="sm">{t.sessionCode(session.sessionCode)}</Text>}
                {accepted && running && !attended && <CheckIn programme={programme} session={session} />}
              </Stack>
            </Card>
          );
        })}
      </Stack>
    </section>
  );
}

function Reflection({ programme }: { programme: Programme }) {
  const [submitReflection] = useMutation(SubmitReflectionDocument, {
    refetchQueries: [{ query: ProgrammeDocument, variables: { id: programme.id } }],
    awaitRefetchQueries: true,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<{ answers: Record<string, string> }>({
    initialValues: { answers: Object.fromEntries(programme.reflectionQuestions.map((q) => [q.id, ''])) },
  });
  const submit = form.onSubmit(async ({ answers }) => {
    const given = Object.entries(answers)
      .filter(([, text]) => text.trim())
      .map(([questionId, text]) => ({ questionId, text: text.trim() }));
    if (given.length === 0) {
      setProblem(t.reflectionNeedsOne);
      return;
    }
    setProblem(null);
    try {
      await submitReflection({ variables: { programmeId: programme.id, input: { answers: given } } });
      notifications.show({ color: 'green', message: t.reflectionSubmitted });
    } catch (error) {
      // the API lists the answers given; the form keeps them by question
      const fields: FieldMap = Object.fromEntries(
        given.map((answer, index) => [`answers.${index}`, `answers.${answer.questionId}`]),
      );
      if (!showFieldErrors(form, error, { fields })) setProblem(messageOf(error));
    }
  });
  return (
    <Section id="reflection" title={t.reflectionTitle}>
      {programme.myReflectionSubmitted ? (
        <Text role="status">{t.reflectionAlready}</Text>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby="reflection">
          <Stack gap="sm">
            <Text size="sm">{t.reflectionPrivacy}</Text>
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            {programme.reflectionQuestions.map((question) => (
              <Textarea
                key={question.id}
                label={question.prompt}
                rows={3}
                {...form.getInputProps(`answers.${question.id}`)}
              />
            ))}
            <div>
              <Button type="submit" loading={form.submitting}>
                {t.submitReflection}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Section>
  );
}

/** Saves the certificate PDF the service renders (base64 in the answer) as a file. */
function DownloadCertificate({ programmeId }: { programmeId: string }) {
  const [load, pdf] = useLazyQuery(CertificatePdfDocument, { fetchPolicy: 'network-only' });
  const download = async () => {
    try {
      const { data } = await load({ variables: { id: programmeId } });
      const file = data?.programme.myCertificatePdf;
      if (!file) return;
      const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
      saveFile(bytes, file.filename, file.contentType);
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Button variant="outline" loading={pdf.loading} onClick={() => void download()}>
      {pdf.loading ? t.preparingPdf : t.downloadCertificate}
    </Button>
  );
}

export function CertificateCard({ certificate }: { certificate: CertificateFieldsFragment }) {
  return (
    <Card withBorder component="article" aria-labelledby={`cert-${certificate.id}`}>
      <Stack gap={4}>
        <Title order={3} size="h4" id={`cert-${certificate.id}`}>
          {certificate.programmeTitle}
        </Title>
        <Text size="sm">
          {certificate.memberName} ·{' '}
          {t.sessionsAttended(certificate.sessionsAttended.length, certificate.sessionsHeld)} ·{' '}
          {t.issued(formatDate(certificate.issuedAt))}
        </Text>
        <Text size="sm">{t.verificationCode(certificate.verificationCode)}</Text>
        <Text size="sm">
          {t.verifyAt}{' '}
          <Anchor href={certificate.verificationUrl} target="_blank" rel="noopener noreferrer">
            {certificate.verificationUrl}
          </Anchor>
        </Text>
        <Group>
          <DownloadCertificate programmeId={certificate.programmeId} />
        </Group>
      </Stack>
    </Card>
  );
}

function CertificatePanel({ programme }: { programme: Programme }) {
  const eligibility = useQuery(CertificateEligibilityDocument, {
    variables: { id: programme.id },
    skip: Boolean(programme.myCertificate),
  });
  const [request, requesting] = useMutation(RequestCertificateDocument, {
    refetchQueries: [{ query: ProgrammeDocument, variables: { id: programme.id } }],
    awaitRefetchQueries: true,
  });
  const ask = async () => {
    try {
      await request({ variables: { programmeId: programme.id } });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  const standing = eligibility.data?.programme.myCertificateEligibility;
  return (
    <Section id="certificate" title={t.certificateTitle}>
      {programme.myCertificate ? (
        <CertificateCard certificate={programme.myCertificate} />
      ) : (
        <QueryState data={eligibility.data} loading={eligibility.loading} error={eligibility.error}>
          {() =>
            standing && (
              <Stack gap="xs">
                <Text size="sm">
                  {t.certificateProgress(standing.attended, standing.held, standing.required)}
                </Text>
                {standing.eligible && (
                  <Group>
                    <Button loading={requesting.loading} onClick={() => void ask()}>
                      {t.requestCertificate}
                    </Button>
                  </Group>
                )}
              </Stack>
            )
          }
        </QueryState>
      )}
    </Section>
  );
}

function ProgrammeView({ programme }: { programme: Programme }) {
  // read once per render of the page: the check-in and reflection windows follow the client's clock
  const [now] = useState(() => Date.now());
  const opens = Date.parse(programme.applicationOpensAt);
  const closes = Date.parse(programme.applicationClosesAt);
  const accepted = programme.myApplication?.status === 'ACCEPTED';
  const last = programme.sessions.at(-1);
  const reflectionOpen =
    accepted &&
    programme.reflectionQuestions.length > 0 &&
    last !== undefined &&
    Date.parse(last.endsAt) <= now;
  return (
    <Stack gap="lg">
      <Text style={{ whiteSpace: 'pre-wrap' }}>{programme.description}</Text>
      <Group gap="xs">
        <Badge variant="light">{t.mode[programme.mode]}</Badge>
        <Badge variant="light" color="gray">
          {t.places(programme.capacity)}
        </Badge>
      </Group>
      <Text size="sm">
        {t.forStages(programme.audience.map((stage) => commonMessages.careerStages[stage]).join(', '))} ·{' '}
        {t.applicationsWindow(
          formatDateTime(programme.applicationOpensAt),
          formatDateTime(programme.applicationClosesAt),
        )}
      </Text>
      {programme.competitionId && (
        <Alert color="indigo" role="note">
          {t.competitionNext}{' '}
          <Anchor component={Link} to={`/competitions/${programme.competitionId}`}>
            {t.seeCompetition}
          </Anchor>
        </Alert>
      )}
      {programme.viewerIsOrganiser && <OrganiserPanel programme={programme} />}
      <MyApplication programme={programme} />
      {!programme.myApplication &&
        (now < opens ? (
          <Text>{t.notOpenYet(formatDateTime(programme.applicationOpensAt))}</Text>
        ) : now >= closes ? (
          <Text>{t.closedForApplications}</Text>
        ) : (
          <ApplyForm programmeId={programme.id} />
        ))}
      <Sessions programme={programme} now={now} />
      {reflectionOpen && <Reflection programme={programme} />}
      {accepted && <CertificatePanel programme={programme} />}
    </Stack>
  );
}

export default function ProgrammePage() {
  const { id = '' } = useParams();
  const query = useQuery(ProgrammeDocument, { variables: { id } });
  return (
    <Page title={query.data?.programme.title ?? t.programmesTitle}>
      <Anchor component={Link} to="/programmes">
        {t.backToProgrammes}
      </Anchor>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) => <ProgrammeView programme={data.programme} />}
      </QueryState>
    </Page>
  );
}
