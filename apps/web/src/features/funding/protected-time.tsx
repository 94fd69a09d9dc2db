import {
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import type { AllocationFieldsFragment, TimeActivity } from '../../gql/graphql';
import { messageOf } from '../../lib/errors';
import { formatDay, formatNumber } from '../../lib/format';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { QueryState } from '../../lib/query-state';
import { ScrollTable, TableHead } from '../../lib/table';
import { fundingMessages as t } from './messages';
import { AllocationDecision } from './allocation-decision';
import { LogTimeDocument, MemberUtilisationDocument } from './operations';

const DAY_MS = 86_400_000;
/** The service answers at most two years of weeks. */
const MAX_RANGE_DAYS = 728;

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Hours: quarter hours, more than 0, at most 24 (the service's rule, checked here first). */
export function quarterHoursError(hours: number | string): string | null {
  const value = typeof hours === 'number' ? hours : Number(hours);
  return Number.isFinite(value) && value > 0 && value <= 24 && Number.isInteger(value * 4)
    ? null
    : t.quarterHours;
}

/** Weekly logged ÷ allocated for the award's time so far, with the AT_RISK flag. */
function Utilisation({ memberId, from, to }: { memberId: string; from: string; to: string }) {
  const noteId = useId();
  const utilisation = useQuery(MemberUtilisationDocument, { variables: { memberId, from, to } });
  return (
    <QueryState data={utilisation.data} loading={utilisation.loading} error={utilisation.error}>
      {({ memberUtilisation: found }) => (
        <Stack gap="xs">
          <Group gap="xs">
            <Title order={3} size="h4">
              {t.utilisationTitle}
            </Title>
            {found.atRisk && (
              <Badge color="red" variant="light" aria-describedby={noteId}>
                {t.atRisk}
              </Badge>
            )}
          </Group>
          {found.atRisk && (
            <Text size="sm" id={noteId}>
              {t.atRiskExplained}
            </Text>
          )}
          {found.weeks.length === 0 ? (
            <Text>{t.noWeeks}</Text>
          ) : (
            <ScrollTable minWidth={420}>
              <Table striped withTableBorder>
                <TableHead columns={[t.week, t.allocatedHours, t.loggedHours, t.utilisation]} />
                <Table.Tbody>
                  {[...found.weeks].reverse().map((week) => (
                    <Table.Tr key={week.week}>
                      <Table.Th scope="row">
                        {week.week} {week.complete ? '' : t.incomplete}
                      </Table.Th>
                      <Table.Td>{formatNumber(week.allocatedHours)}</Table.Td>
                      <Table.Td>{formatNumber(week.loggedHours)}</Table.Td>
                      <Table.Td>
                        {week.utilisation === null || week.utilisation === undefined
                          ? '–'
                          : `${formatNumber(week.utilisation * 100, 0)} %`}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

/** The caller logs their own research time for a day (quarter hours, an activity, a private note). */
export function LogTimeForm() {
  const [logTime] = useMutation(LogTimeDocument, { refetchQueries: [MemberUtilisationDocument] });
  const [today] = useState(() => isoDay(Date.now()));
  const form = useForm({
    initialValues: { date: today, hours: 1 as number | string, activity: 'RESEARCH', note: '' },
    validate: {
      date: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t.required),
      hours: (value) => quarterHoursError(value),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await logTime({
        variables: {
          input: {
            date: values.date,
            hours: Number(values.hours),
            activity: values.activity as TimeActivity,
            note: values.note.trim() || null,
          },
        },
      });
      notifications.show({ color: 'green', message: t.logged });
      form.setFieldValue('note', '');
    } catch (error) {
      if (!showFieldErrors(form, error)) notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="log-time">
      <Stack gap="xs">
        <Title order={3} size="h4" id="log-time">
          {t.logTitle}
        </Title>
        <Text size="sm">{t.logHint}</Text>
        <Group align="flex-start">
          <TextInput type="date" label={t.logDate} {...form.getInputProps('date')} />
          <NumberInput
            label={t.logHours}
            min={0.25}
            max={24}
            step={0.25}
            decimalScale={2}
            {...form.getInputProps('hours')}
          />
          <Select
            label={t.activity}
            data={Object.entries(t.activities).map(([value, label]) => ({ value, label }))}
            allowDeselect={false}
            {...form.getInputProps('activity')}
          />
        </Group>
        <Textarea label={t.note} maxLength={1000} {...form.getInputProps('note')} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t.logButton}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An award's protected time: its allocations, the PI's utilisation so far and, for the PI, logging time. */
export function ProtectedTime({
  allocations,
  memberId,
  startsOn,
  endsOn,
  isMember,
}: {
  allocations: AllocationFieldsFragment[];
  memberId: string;
  startsOn: string;
  endsOn: string;
  isMember: boolean;
}) {
  const [today] = useState(() => isoDay(Date.now()));
  const to = endsOn < today ? endsOn : today;
  const earliest = isoDay(Date.parse(`${to}T00:00:00Z`) - MAX_RANGE_DAYS * DAY_MS);
  const from = startsOn > earliest ? startsOn : earliest;
  const approved = allocations.some((allocation) => allocation.status === 'APPROVED');
  return (
    <section aria-labelledby="protected-time">
      <Stack gap="sm">
        <Title order={2} size="h3" id="protected-time">
          {t.timeTitle}
        </Title>
        {allocations.length === 0 ? (
          <Text>{t.noAllocation}</Text>
        ) : (
          <Table striped withTableBorder>
            <TableHead columns={[t.member, t.weeklyHours, t.from, t.to, t.statusColumn]} />
            <Table.Tbody>
              {allocations.map((allocation) => (
                <Table.Tr key={allocation.id}>
                  <Table.Td>{allocation.member.displayName}</Table.Td>
                  <Table.Td>{formatNumber(allocation.weeklyHours)}</Table.Td>
                  <Table.Td>{formatDay(allocation.from)}</Table.Td>
                  <Table.Td>{formatDay(allocation.to)}</Table.Td>
                  <Table.Td>
                    <AllocationDecision allocation={allocation} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {approved && from <= to && <Utilisation memberId={memberId} from={from} to={to} />}
        {isMember && <LogTimeForm />}
      </Stack>
    </section>
  );
}
