import { Badge, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { CompetitionFieldsFragment } from '../../gql/graphql';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import { eligibilityInWords } from './eligibility';
import { competitionMessages as t } from './messages';

export function PhaseBadge({ phase }: { phase: CompetitionFieldsFragment['phase'] }) {
  const color = phase === 'OPEN' ? 'green' : phase === 'CANCELLED' ? 'gray' : 'indigo';
  return (
    <Badge color={color} variant="light">
      {t.phases[phase]}
    </Badge>
  );
}

/**
 * Dates and resources: a definition list, so screen readers pair each label with its value. The deadlines carry
 * their time of day: a call that closes at 17:00 is closed that evening.
 */
export function CompetitionFacts({ competition }: { competition: CompetitionFieldsFragment }) {
  const facts: Array<[string, string]> = [
    [t.opens, formatDateTime(competition.opensAt)],
    [t.closes, formatDateTime(competition.closesAt)],
    [t.judgingEnds, formatDateTime(competition.judgingEndsAt)],
  ];
  if (competition.resultsPublishedAt)
    facts.push([t.resultsPublished, formatDate(competition.resultsPublishedAt)]);
  if (competition.fundingAvailableMoney)
    facts.push([t.funding, formatMoney(competition.fundingAvailableMoney)]);
  if (competition.protectedHoursAvailable)
    facts.push([t.hours, formatNumber(competition.protectedHoursAvailable, 1)]);
  return (
    <dl className="facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RubricTable({ criteria }: { criteria: CompetitionFieldsFragment['criteria'] }) {
  const total = criteria.reduce((sum, criterion) => sum + criterion.weight, 0) || 1;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.criterion}</Table.Th>
            <Table.Th scope="col">{t.weight}</Table.Th>
            <Table.Th scope="col">{t.scale}</Table.Th>
            <Table.Th scope="col">{t.guidance}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {criteria.map((criterion) => (
            <Table.Tr key={criterion.id}>
              <Table.Th scope="row">{criterion.name}</Table.Th>
              <Table.Td>{Math.round((criterion.weight / total) * 100)} %</Table.Td>
              <Table.Td>{t.scaleRange(criterion.scaleMin, criterion.scaleMax)}</Table.Td>
              <Table.Td>{criterion.guidance}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function CompetitionDetails({ competition }: { competition: CompetitionFieldsFragment }) {
  return (
    <Stack gap="md">
      <Group gap="xs">
        <PhaseBadge phase={competition.phase} />
        <Text size="sm">{t.winners(competition.winnersCount)}</Text>
      </Group>
      {competition.description && <Text>{competition.description}</Text>}
      <CompetitionFacts competition={competition} />
      {competition.blind && <Text size="sm">{t.blind}</Text>}
      <Title order={2}>{t.rubric}</Title>
      <RubricTable criteria={competition.criteria} />
      <Title order={2}>{t.eligibility}</Title>
      <List>
        {eligibilityInWords(competition.eligibility).map((rule) => (
          <List.Item key={rule}>{rule}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
