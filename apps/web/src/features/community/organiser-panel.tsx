import { Alert, Badge, Button, Group, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import type { SelectionPolicy } from '../../gql/graphql';
import { nodes } from '../../lib/connection';
import { messageOf } from '../../lib/errors';
import { FormProblem } from '../../lib/form-problem';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { formatDateTime } from '../../lib/format';
import { QueryState } from '../../lib/query-state';
import { Section } from '../../lib/section';
import { ShowMore } from '../../lib/show-more';
import { ScrollTable, TableHead } from '../../lib/table';
import { useSession } from '../../session/session-context';
import { AttendanceRegister, type RegisterSession } from './attendance-register';
import { communityMessages as t } from './messages';
import { ProgrammeApplicationsDocument, ProgrammeDocument, SelectApplicantsDocument } from './operations';

const POLICIES = Object.keys(t.policies) as SelectionPolicy[];

/** The applicants in the order they applied, with their status and place on the waiting list. */
function Applicants({ programmeId }: { programmeId: string }) {
  const query = useQuery(ProgrammeApplicationsDocument, {
    variables: { programmeId },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <QueryState data={query.data} loading={query.loading} error={query.error}>
      {(data) =>
        data.programmeApplications.totalCount === 0 ? (
          <Text>{t.noApplicants}</Text>
        ) : (
          <Stack gap="xs">
            <Text size="sm">{t.applicantCount(data.programmeApplications.totalCount)}</Text>
            <ScrollTable minWidth={520}>
              <Table>
                <TableHead columns={[t.applicant, t.appliedAt, t.applicationStatus]} />
                <Table.Tbody>
                  {nodes(data.programmeApplications).map((application) => (
                    <Table.Tr key={application.id}>
                      <Table.Td>{application.member.displayName}</Table.Td>
                      <Table.Td>{formatDateTime(application.appliedAt)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={application.status === 'ACCEPTED' ? 'green' : 'gray'}>
                          {t.organiserStatus[application.status]}
                        </Badge>
                        {application.waitlistPosition && (
                          <Text span size="sm" ml="xs">
                            {t.waitlistNumber(application.waitlistPosition)}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <ShowMore query={query} path={['programmeApplications']} label={t.moreApplicants} />
          </Stack>
        )
      }
    </QueryState>
  );
}

/** Fills the places once, by a policy the organiser picks; everyone else is waitlisted in order. */
export function SelectionForm({
  programmeId,
  selectedAt,
  closesAt,
}: {
  programmeId: string;
  selectedAt: string | null | undefined;
  closesAt: string;
}) {
  const [select] = useMutation(SelectApplicantsDocument, {
    refetchQueries: [
      { query: ProgrammeDocument, variables: { id: programmeId } },
      { query: ProgrammeApplicationsDocument, variables: { programmeId } },
    ],
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const form = useForm<{ policy: SelectionPolicy; seed: string }>({
    initialValues: { policy: 'PRIORITY_THEN_LOTTERY', seed: '' },
  });
  if (outcome)
    return (
      <Alert color="green" role="status">
        {outcome}
      </Alert>
    );
  if (selectedAt) return <Text role="status">{t.selectedOn(formatDateTime(selectedAt))}</Text>;
  const submit = form.onSubmit(async ({ policy, seed }) => {
    setProblem(null);
    try {
      const { data } = await select({
        variables: {
          programmeId,
          policy,
          seed: policy === 'PRIORITY_THEN_LOTTERY' && seed.trim() ? seed.trim() : null,
        },
      });
      if (data) setOutcome(t.selectionDone(data.selectApplicants.accepted, data.selectApplicants.waitlisted));
    } catch (error) {
      if (!showFieldErrors(form, error, { prefix: '' })) setProblem(messageOf(error));
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="selection-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="selection-title">
          {t.selectionTitle}
        </Title>
        <Text size="sm">{t.selectionIntro(formatDateTime(closesAt))}</Text>
        <FormProblem problem={problem} />
        <Radio.Group label={t.policy} {...form.getInputProps('policy')}>
          <Stack gap={4} mt={4}>
            {POLICIES.map((policy) => (
              <Radio key={policy} value={policy} label={t.policies[policy]} />
            ))}
          </Stack>
        </Radio.Group>
        {form.values.policy === 'PRIORITY_THEN_LOTTERY' && (
          <TextInput label={t.seed} description={t.seedHint} {...form.getInputProps('seed')} />
        )}
        <Group>
          <Button type="submit" loading={form.submitting}>
            {form.submitting ? t.selecting : t.select}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What the organisers (admins, the programme's creator, the community's moderators) see of a programme. */
export function OrganiserPanel({
  programme,
}: {
  programme: {
    id: string;
    selectedAt?: string | null;
    applicationClosesAt: string;
    sessions: readonly RegisterSession[];
  };
}) {
  const session = useSession();
  return (
    <Section id="organisers" title={t.organiserTitle}>
      <Stack gap="md">
        {session.hasRole('ADMIN') ? (
          <SelectionForm
            programmeId={programme.id}
            selectedAt={programme.selectedAt}
            closesAt={programme.applicationClosesAt}
          />
        ) : (
          <Text size="sm">{t.selectionByAdmins}</Text>
        )}
        <Title order={3} size="h4" id="applicants">
          {t.applicantsTitle}
        </Title>
        <Applicants programmeId={programme.id} />
        <AttendanceRegister programmeId={programme.id} sessions={programme.sessions} />
      </Stack>
    </Section>
  );
}
