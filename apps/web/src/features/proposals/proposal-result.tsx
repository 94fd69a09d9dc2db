import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { CompetitionFieldsFragment, ProposalFieldsFragment } from '../../gql/graphql';
import { formatNumber } from '../../lib/format';
import { proposalMessages as t } from './messages';

/** After publication: rank, scores and the judges' anonymised feedback. */
export function ProposalResult({
  proposal,
  competition,
}: {
  proposal: ProposalFieldsFragment;
  competition: CompetitionFieldsFragment;
}) {
  const result = proposal.result;
  if (!result) return null;
  const criterionName = new Map(competition.criteria.map((criterion) => [criterion.id, criterion.name]));
  return (
    <section aria-labelledby="result">
      <Title order={2} id="result" mb="sm">
        {t.resultTitle}
      </Title>
      <Card withBorder>
        <Group gap="md">
          <Text fw={700}>{t.rank(result.rank)}</Text>
          {result.isWinner && (
            <Badge color="green" variant="light">
              {t.winner}
            </Badge>
          )}
        </Group>
        <dl className="facts">
          <div>
            <dt>{t.normalised}</dt>
            <dd>{formatNumber(result.normalisedScore)}</dd>
          </div>
          <div>
            <dt>{t.meanRaw}</dt>
            <dd>{formatNumber(result.meanRawScore, 1)}</dd>
          </div>
          <div>
            <dt>{t.reviews}</dt>
            <dd>{result.reviewCount}</dd>
          </div>
        </dl>
      </Card>
      {(proposal.feedback ?? []).length > 0 && (
        <Stack mt="md" gap="sm">
          <Title order={3}>{t.feedbackTitle}</Title>
          {(proposal.feedback ?? []).map((review) => (
            <Card key={review.reviewer} withBorder>
              <Text fw={600}>
                {review.reviewer} · {t.total(formatNumber(review.total, 1))}
              </Text>
              <Table mt="xs">
                <Table.Tbody>
                  {review.scores.map((score) => (
                    <Table.Tr key={score.criterionId}>
                      <Table.Th scope="row">
                        {criterionName.get(score.criterionId) ?? score.criterionId}
                      </Table.Th>
                      <Table.Td>{score.value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {review.comment && <Text mt="xs">{review.comment}</Text>}
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}
