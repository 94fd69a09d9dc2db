import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import type { MatchRunFieldsFragment } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { messageOf } from '../../lib/errors';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { commonMessages } from '../../lib/messages';
import { withNotice } from '../../lib/notify';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { Section } from '../../lib/section';
import { administrationMessages as t } from './messages';
import {
  ApproveMatchRunDocument,
  EditMatchProposalDocument,
  MatchRunDocument,
  MatchingCandidatesDocument,
  RunMatchingDocument,
} from './operations';
import { Reasons } from './reasons';

const NO_MENTOR = '';

export function matchingValidation() {
  return {
    menteeIds: (value: string[]) => (value.length > 0 ? null : t.pickSome),
    mentorIds: (value: string[]) => (value.length > 0 ? null : t.pickSome),
  };
}

function NewRun() {
  const navigate = useNavigate();
  const candidates = useQuery(MatchingCandidatesDocument);
  const [runMatching] = useMutation(RunMatchingDocument);
  const form = useForm<{ menteeIds: string[]; mentorIds: string[]; minScore: number | string }>({
    initialValues: { menteeIds: [], mentorIds: [], minScore: 0 },
    validate: matchingValidation(),
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const { data } = await runMatching({
        variables: { input: { ...values, minScore: Number(values.minScore) || 0 } },
      });
      if (data) void navigate(`/admin/matching/${data.runMatching.id}`);
    } catch (error) {
      if (!showFieldErrors(form, error)) notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  const option = (member: {
    id: string;
    displayName: string;
    careerStage: keyof typeof commonMessages.careerStages;
  }) => ({
    value: member.id,
    label: `${member.displayName} (${commonMessages.careerStages[member.careerStage]})`,
  });
  return (
    <QueryState data={candidates.data} loading={candidates.loading} error={candidates.error}>
      {(data) => (
        <form onSubmit={submit} noValidate aria-label={t.run}>
          <Stack gap="sm">
            <MultiSelect
              label={t.mentees}
              searchable
              required
              data={nodes(data.everyone).map(option)}
              {...form.getInputProps('menteeIds')}
            />
            <MultiSelect
              label={t.mentors}
              searchable
              required
              data={nodes(data.mentors).map(option)}
              {...form.getInputProps('mentorIds')}
            />
            <NumberInput
              label={t.minScore}
              min={0}
              allowDecimal={false}
              w={240}
              {...form.getInputProps('minScore')}
            />
            <Group>
              <Button type="submit" loading={form.submitting}>
                {form.submitting ? t.running : t.run}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </QueryState>
  );
}

function RunReview({ run }: { run: MatchRunFieldsFragment }) {
  const navigate = useNavigate();
  const candidates = useQuery(MatchingCandidatesDocument);
  const [edit, editing] = useMutation(EditMatchProposalDocument);
  const [approve, approving] = useMutation(ApproveMatchRunDocument);
  const proposed = run.status === 'PROPOSED';
  const mentors = nodes(candidates.data?.mentors ?? { edges: [] });
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge variant="light" color={proposed ? 'yellow' : 'green'}>
          {t.runStatus[run.status]}
        </Badge>
        <Badge variant="light" color="gray">
          {t.totalScore(run.totalScore)}
        </Badge>
      </Group>
      <Section id="pairs" title={t.runTitle(run.status)}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.mentee}</Table.Th>
              <Table.Th>{t.mentor}</Table.Th>
              <Table.Th>{t.score}</Table.Th>
              <Table.Th>{t.why}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.proposals.map((pair) => (
              <Table.Tr key={pair.id}>
                <Table.Td>{pair.mentee.displayName}</Table.Td>
                <Table.Td>
                  {proposed ? (
                    <Select
                      aria-label={t.changeMentor(pair.mentee.displayName)}
                      data={[
                        { value: NO_MENTOR, label: t.noMentor },
                        ...mentors.map((mentor) => ({ value: mentor.id, label: mentor.displayName })),
                      ]}
                      value={pair.mentor.id}
                      disabled={editing.loading}
                      onChange={(mentorId) =>
                        void withNotice(() =>
                          edit({
                            variables: {
                              runId: run.id,
                              menteeId: pair.mentee.id,
                              mentorId: mentorId || null,
                            },
                          }),
                        )
                      }
                    />
                  ) : (
                    pair.mentor.displayName
                  )}
                  {pair.edited && (
                    <Text size="xs" c="dark.6">
                      {t.edited}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{pair.score}</Table.Td>
                <Table.Td>
                  <Reasons reasons={pair.reasons} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      {run.unmatched.length > 0 && (
        <Section id="unmatched" title={t.unmatchedTitle}>
          <Stack gap={4}>
            {run.unmatched.map((item) => (
              <Text size="sm" key={item.mentee.id}>
                {item.mentee.displayName}: {t.unmatchedReason[item.reason]}{' '}
                {item.detail ? `(${item.detail})` : ''}
              </Text>
            ))}
          </Stack>
        </Section>
      )}
      <Group>
        {proposed && (
          <Button
            loading={approving.loading}
            onClick={() => void withNotice(() => approve({ variables: { runId: run.id } }), t.approved)}
          >
            {approving.loading ? t.approving : t.approve}
          </Button>
        )}
        <Button variant="outline" onClick={() => void navigate('/admin/matching')}>
          {t.newRun}
        </Button>
      </Group>
      {approving.loading && (
        <Alert color="indigo" role="status">
          {t.approving}
        </Alert>
      )}
    </Stack>
  );
}

function SavedRun({ id }: { id: string }) {
  const query = useQuery(MatchRunDocument, { variables: { id } });
  return (
    <QueryState data={query.data} loading={query.loading} error={query.error}>
      {(data) => <RunReview run={data.matchRun} />}
    </QueryState>
  );
}

/** `/admin/matching`: start a run; `/admin/matching/:id`: review, edit and approve it. */
export default function MatchingPage() {
  const { id } = useParams();
  return (
    <Page title={t.matchingTitle} intro={t.matchingIntro}>
      {id ? <SavedRun id={id} /> : <NewRun />}
    </Page>
  );
}
