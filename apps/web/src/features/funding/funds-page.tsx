import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { nodes } from '../../lib/connection';
import { messageOf, type FieldMap } from '../../lib/errors';
import { formatMoney } from '../../lib/format';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { CompetitionPicker } from '../../lib/competition-picker';
import { ScrollTable, TableHead } from '../../lib/table';
import { fundingMessages as t } from './messages';
import { parseMoney } from './money';
import { CreateFundDocument, FundsDocument } from './operations';

/** Currencies offered for a new fund (the service knows more; these are the network's). */
export const FUND_CURRENCIES = ['GBP', 'EUR', 'USD', 'CHF', 'JPY'];

/** The API's money (`total.amountMinor`, `total.currency`) on the form's amount and currency fields. */
const FUND_FIELDS: FieldMap = { total: 'total', 'total.currency': 'currency' };

export function CreateFundForm() {
  const [createFund] = useMutation(CreateFundDocument, { refetchQueries: [FundsDocument] });
  const form = useForm({
    initialValues: { name: '', source: '', currency: 'GBP', total: '', competitionId: null as string | null },
    validate: {
      name: (value) => (value.trim() ? null : t.required),
      source: (value) => (value.trim() ? null : t.required),
      total: (value, values) => parseMoney(value, values.currency).error ?? null,
    },
  });
  const submit = form.onSubmit(async (values) => {
    const { amountMinor } = parseMoney(values.total, values.currency);
    if (amountMinor === undefined) return;
    try {
      await createFund({
        variables: {
          input: {
            name: values.name.trim(),
            source: values.source.trim(),
            total: { amountMinor, currency: values.currency },
            competitionId: values.competitionId,
          },
        },
      });
      notifications.show({ color: 'green', message: t.created });
      form.reset();
    } catch (error) {
      if (!showFieldErrors(form, error, { fields: FUND_FIELDS })) {
        notifications.show({ color: 'red', message: messageOf(error) });
      }
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="create-fund">
      <Stack gap="xs">
        <Title order={2} size="h3" id="create-fund">
          {t.createFund}
        </Title>
        <TextInput label={t.fundName} required {...form.getInputProps('name')} />
        <TextInput label={t.source} description={t.sourceHint} required {...form.getInputProps('source')} />
        <Group align="flex-start">
          <Select
            label={t.currency}
            data={FUND_CURRENCIES}
            allowDeselect={false}
            w={120}
            {...form.getInputProps('currency')}
          />
          <TextInput
            label={t.totalAmount}
            description={t.totalHint(form.values.currency)}
            inputMode="decimal"
            required
            {...form.getInputProps('total')}
          />
        </Group>
        <CompetitionPicker
          label={t.competition}
          description={t.competitionHint}
          nothingFound={t.noCompetitionFound}
          clearable
          {...form.getInputProps('competitionId')}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function FundsPage() {
  const funds = useQuery(FundsDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <Page title={t.fundsTitle} intro={t.fundsIntro}>
      <QueryState data={funds.data} loading={funds.loading} error={funds.error}>
        {(data) =>
          data.funds.edges.length === 0 ? (
            <Text>{t.noFunds}</Text>
          ) : (
            <ScrollTable minWidth={720}>
              <Table striped withTableBorder>
                <TableHead columns={[t.fundName, t.source, t.total, t.committed, t.paid, t.available]} />
                <Table.Tbody>
                  {nodes(data.funds).map((fund) => (
                    <Table.Tr key={fund.id}>
                      <Table.Th scope="row">{fund.name}</Table.Th>
                      <Table.Td>{fund.source}</Table.Td>
                      <Table.Td>{formatMoney(fund.balance.total)}</Table.Td>
                      <Table.Td>{formatMoney(fund.balance.committed)}</Table.Td>
                      <Table.Td>{formatMoney(fund.balance.paid)}</Table.Td>
                      <Table.Td>{formatMoney(fund.balance.available)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <ShowMore query={funds} path={['funds']} label={t.moreFunds} />
            </ScrollTable>
          )
        }
      </QueryState>
      <CreateFundForm />
    </Page>
  );
}
