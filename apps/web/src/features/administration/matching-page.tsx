import { Alert, Anchor, Badge, Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { MatchRunFieldsFragment, MatchRunsQuery, Role } from '../../gql/graphql';
import { ChosenMembers } from '../../lib/chosen-members';
import { nodes } from '../../lib/connection';
import { messageOf } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { MemberPicker, type FoundMember } from '../../lib/member-picker';
import { commonMessages } from '../../lib/messages';
import { withNotice } from '../../lib/notify';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { Section } from '../../lib/section';
import { putNewest, ShowMore } from '../../lib/show-more';
import { ScrollTable, TableHead } from '../../lib/table';
import { administrationMessages as t } from './messages';
import {
  ApproveMatchRunDocument,
  EditMatchProposalDocument,
  MatchRunDocument,
  MatchRunsDocument,
  RunMatchingDocument,
} from './operations';
import { Reasons } from './reasons';

type Pair = MatchRunFieldsFragment['proposals'][number];
type ListedRun = MatchRunsQuery['matchRuns']['edges'][number]['node'];
type Values = { menteeIds: string[]; mentorIds: string[]; minScore: number | string };

export function matchingValidation() {
  return {
    menteeIds: (value: string[]) => (value.length > 0 ? null : t.pickSome),
    mentorIds: (value: string[]) => (value.length > 0 ? null : t.pickSome),
  };
}

/**
 * A new run: mentees and mentors are found by name with the member picker (mentors among members holding the
 * mentor role) and listed, each removable; nobody is read from a list of members.
 */
function NewRun() {
  const navigate = useNavigate();
  const [runMatching] = useMutation(RunMatchingDocument, {
    // the new run heads the runs listed (newest first) without reloading the pages shown
    update(cache, { data }) {
      if (!data) return;
      cache.updateQuery(
        { query: MatchRunsDocument },
        putNewest<MatchRunsQuery, ListedRun>(
          ['matchRuns'],
          { __typename: 'MatchRunEdge', node: data.runMatching } as { node: ListedRun },
          (run) => run.id,
          (run) => run.createdAt,
        ),
      );
    },
  });
  const [known, setKnown] = useState<Record<string, FoundMember>>({});
  const form = useForm<Values>({
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
  const name = (id: string) => {
    const member = known[id];
    return member ? `${member.displayName} (${commonMessages.careerStages[member.careerStage]})` : id;
  };
  /** Mentees or mentors: those chosen, each removable, and a search to add more (mentors among mentors). */
  const people = (
    field: 'menteeIds' | 'mentorIds',
    title: string,
    label: string,
    pickLabel: (name: string) => string,
    role?: Role,
  ) => (
    <ChosenMembers
      id={field}
      title={title}
      ids={form.values[field]}
      name={name}
      empty={t.nobodyChosen}
      removeLabel={t.removePerson}
      onRemove={(index) => form.removeListItem(field, index)}
      picker={{
        label,
        role,
        pickLabel,
        onPick: (member: FoundMember) => {
          setKnown((known) => ({ ...known, [member.id]: member }));
          form.insertListItem(field, member.id);
          form.clearFieldError(field);
        },
        error: typeof form.errors[field] === 'string' ? form.errors[field] : null,
        dataPath: field,
      }}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-label={t.run}>
      <Stack gap="sm">
        {people('menteeIds', t.mentees, t.addMentee, t.addAsMentee)}
        {people('mentorIds', t.mentors, t.addMentor, t.addAsMentor, 'MENTOR')}
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
  );
}

/**
 * A proposed pair's mentor, changed by hand: "change" opens a search among mentors (focus moves into it), picking
 * one saves it, "keep" closes it and "no mentor" leaves the mentee unmatched; focus returns to "change".
 */
function PairMentor({ runId, pair }: { runId: string; pair: Pair }) {
  const [edit, editing] = useMutation(EditMatchProposalDocument);
  const [changing, setChanging] = useState(false);
  const picker = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (changing) picker.current?.querySelector('input')?.focus();
    else if (opened.current) opener.current?.focus();
    opened.current = changing;
  }, [changing]);
  const mentee = pair.mentee.displayName;
  const save = async (mentorId: string | null) => {
    await edit({ variables: { runId, menteeId: pair.mentee.id, mentorId } });
    setChanging(false);
  };
  return (
    <Stack gap={4}>
      <Text size="sm">{pair.mentor.displayName}</Text>
      {changing ? (
        <Stack gap={4} ref={picker}>
          <MemberPicker
            label={t.findMentor(mentee)}
            role="MENTOR"
            pickLabel={t.makeMentor}
            exclude={[pair.mentor.id]}
            onPick={(member) => save(member.id)}
          />
          <Group gap="xs">
            <Button size="compact-xs" variant="subtle" onClick={() => setChanging(false)}>
              {t.keepMentor}
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              loading={editing.loading}
              aria-label={t.noMentorFor(mentee)}
              onClick={() => void withNotice(() => save(null))}
            >
              {t.noMentor}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group>
          <Button ref={opener} size="compact-xs" variant="outline" onClick={() => setChanging(true)}>
            {t.changeMentor(mentee)}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function RunReview({ run }: { run: MatchRunFieldsFragment }) {
  const navigate = useNavigate();
  const [approve, approving] = useMutation(ApproveMatchRunDocument);
  const proposed = run.status === 'PROPOSED';
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
        {/* scrolls sideways on a phone instead of widening the page (it overflowed at 375 px) */}
        <ScrollTable minWidth={640}>
          <Table>
            <TableHead columns={[t.mentee, t.mentor, t.score, t.why]} />
            <Table.Tbody>
              {run.proposals.map((pair) => (
                <Table.Tr key={pair.id}>
                  <Table.Td>{pair.mentee.displayName}</Table.Td>
                  <Table.Td>
                    {proposed ? <PairMentor runId={run.id} pair={pair} /> : pair.mentor.displayName}
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
        </ScrollTable>
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

/** The runs so far, newest first, each a link to its review; 20 at a time. */
function Runs() {
  const query = useQuery(MatchRunsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <Section id="runs" title={t.runsTitle}>
      <QueryState data={query.data} loading={query.loading} error={query.error}>
        {(data) =>
          data.matchRuns.edges.length === 0 ? (
            <Text>{t.noRuns}</Text>
          ) : (
            <Stack gap="xs">
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {nodes(data.matchRuns).map((run) => (
                  <Group component="li" key={run.id} gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/admin/matching/${run.id}`}>
                      {t.runOf(formatDateTime(run.createdAt))}
                    </Anchor>
                    <Badge variant="light" color={run.status === 'PROPOSED' ? 'yellow' : 'green'}>
                      {t.runStatus[run.status]}
                    </Badge>
                    <Text size="sm">
                      {t.runCounts(run.proposals.length, run.unmatched.length, run.totalScore)}
                    </Text>
                  </Group>
                ))}
              </Stack>
              <ShowMore query={query} path={['matchRuns']} label={t.moreRuns} />
            </Stack>
          )
        }
      </QueryState>
    </Section>
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

/** `/admin/matching`: start a run, or open one of the runs so far; `/admin/matching/:id`: review, edit and approve it. */
export default function MatchingPage() {
  const { id } = useParams();
  return (
    <Page title={t.matchingTitle} intro={t.matchingIntro}>
      {id ? (
        <SavedRun id={id} />
      ) : (
        <Stack gap="xl">
          <NewRun />
          <Runs />
        </Stack>
      )}
    </Page>
  );
}
