import { Alert, Anchor, Button, Card, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AssignmentFieldsFragment, CompetitionFieldsFragment } from '../../gql/graphql';
import { messageOf, type FieldMap } from '../../lib/errors';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { formatDateTime, formatMoney } from '../../lib/format';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { CompetitionDocument } from '../competitions/operations';
import { judgingMessages as t } from './messages';
import {
  AssignedProposalDocument,
  DeclareConflictDocument,
  MyAssignmentsDocument,
  SubmitScoresDocument,
} from './operations';

/** The entry as the judge sees it: in a blind competition there is no team or anything naming the applicants. */
function Entry({ entry }: { entry: AssignmentFieldsFragment }) {
  const sections: Array<[string, string]> = [
    [t.summary, entry.summary],
    [t.aims, entry.aims],
    [t.methods, entry.methods],
    [t.impact, entry.expectedImpact],
    [t.keywords, entry.keywords.join(', ')],
    [t.funding, formatMoney(entry.requestedFundingMoney)],
    [t.hours, String(entry.requestedHours)],
  ];
  return (
    <Card withBorder component="section" aria-labelledby="entry">
      <Title order={2} size="h3" id="entry">
        {t.entryTitle} · {t.version(entry.version)}
      </Title>
      {entry.blind ? (
        <Text size="sm" mt={4}>
          {t.blind}
        </Text>
      ) : (
        entry.team && (
          <Text size="sm" mt={4}>
            {t.team}: {entry.team.map((member) => member.displayName).join(', ')}
          </Text>
        )
      )}
      <dl>
        {sections.map(([label, value]) => (
          <div key={label}>
            <dt>
              <Text fw={600} size="sm">
                {label}
              </Text>
            </dt>
            <dd style={{ marginInlineStart: 0, marginBottom: '0.75rem', whiteSpace: 'pre-wrap' }}>
              {value || '–'}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/**
 * The scoring form, started afresh whenever the saved review changes: a page first drawn from the cache (the
 * entry as it was before the judge last saved) fills its fields again when the saved scores arrive.
 */
export function ScoreForm(props: {
  entry: AssignmentFieldsFragment;
  competition: CompetitionFieldsFragment;
}) {
  return <ScoreFields key={props.entry.review?.updatedAt ?? 'unscored'} {...props} />;
}

function ScoreFields({
  entry,
  competition,
}: {
  entry: AssignmentFieldsFragment;
  competition: CompetitionFieldsFragment;
}) {
  const [submitScores] = useMutation(SubmitScoresDocument, { refetchQueries: [MyAssignmentsDocument] });
  // the server takes scores only while the competition is judged and before judging ends: after that the form
  // shows what was saved and offers no save it would refuse
  const [open] = useState(
    () => competition.phase === 'JUDGING' && Date.parse(competition.judgingEndsAt) > Date.now(),
  );
  const existing = new Map(entry.review?.scores.map((score) => [score.criterionId, score.value]) ?? []);
  const total = competition.criteria.reduce((sum, criterion) => sum + criterion.weight, 0) || 1;
  const form = useForm<{ scores: Record<string, number | string>; comment: string }>({
    initialValues: {
      scores: Object.fromEntries(
        competition.criteria.map((criterion) => [criterion.id, existing.get(criterion.id) ?? '']),
      ),
      comment: entry.review?.comment ?? '',
    },
    validate: {
      scores: Object.fromEntries(
        competition.criteria.map((criterion) => [
          criterion.id,
          (value: number | string) =>
            value === ''
              ? t.required
              : Number.isInteger(value) &&
                  Number(value) >= criterion.scaleMin &&
                  Number(value) <= criterion.scaleMax
                ? null
                : t.outOfRange(criterion.scaleMin, criterion.scaleMax),
        ]),
      ),
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await submitScores({
        variables: {
          input: {
            proposalId: entry.proposalId,
            comment: values.comment,
            scores: competition.criteria.map((criterion) => ({
              criterionId: criterion.id,
              value: Number(values.scores[criterion.id]),
            })),
          },
        },
      });
      form.resetDirty();
      notifications.show({ color: 'green', message: t.saved });
    } catch (error) {
      // the API lists the scores in the criteria's order; the form keeps them by criterion
      const fields: FieldMap = Object.fromEntries(
        competition.criteria.map((criterion, index) => [`scores.${index}`, `scores.${criterion.id}`]),
      );
      if (!showFieldErrors(form, error, { fields }))
        notifications.show({ color: 'red', message: messageOf(error) });
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="scoring">
      <Stack>
        <Title order={2} size="h3" id="scoring">
          {t.scoringTitle}
        </Title>
        {open ? (
          <Text size="sm">{t.judgingEnds(formatDateTime(competition.judgingEndsAt))}</Text>
        ) : (
          <Alert color="gray" title={t.scoringClosedTitle}>
            {competition.phase === 'JUDGING'
              ? t.judgingEnded(formatDateTime(competition.judgingEndsAt))
              : t.notBeingJudged}
          </Alert>
        )}
        {competition.criteria.map((criterion) => (
          <NumberInput
            key={criterion.id}
            label={criterion.name}
            description={t.criterionHint(
              criterion.scaleMin,
              criterion.scaleMax,
              Math.round((criterion.weight / total) * 100),
              criterion.guidance,
            )}
            min={criterion.scaleMin}
            max={criterion.scaleMax}
            allowDecimal={false}
            required={open}
            readOnly={!open}
            {...form.getInputProps(`scores.${criterion.id}`)}
          />
        ))}
        <Textarea
          label={t.comment}
          description={t.commentHint}
          autosize
          minRows={3}
          readOnly={!open}
          {...form.getInputProps('comment')}
        />
        {entry.review && <Text size="sm">{t.lastSaved(formatDateTime(entry.review.updatedAt))}</Text>}
        {open && (
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t.save}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function ConflictForm({ proposalId }: { proposalId: string }) {
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [declare, declaring] = useMutation(DeclareConflictDocument, {
    refetchQueries: [MyAssignmentsDocument],
  });
  const submit = async () => {
    if (!reason.trim() || !window.confirm(t.declareConfirm)) return;
    try {
      await declare({ variables: { proposalId, reason: reason.trim() } });
      notifications.show({ message: t.declared });
      void navigate('/judging');
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Card withBorder component="section" aria-labelledby="conflict">
      <Stack gap="xs">
        <Title order={2} size="h4" id="conflict">
          {t.conflictTitle}
        </Title>
        <Text size="sm">{t.conflictHint}</Text>
        <Textarea
          label={t.conflictReason}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group>
          <Button
            variant="outline"
            color="red"
            disabled={!reason.trim()}
            loading={declaring.loading}
            onClick={() => void submit()}
          >
            {t.declare}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function ScoreEntryPage() {
  const { proposalId = '' } = useParams();
  const entry = useQuery(AssignedProposalDocument, { variables: { proposalId } });
  const competitionId = entry.data?.assignedProposal.competitionId;
  const competition = useQuery(CompetitionDocument, {
    variables: { id: competitionId ?? '' },
    skip: !competitionId,
  });
  return (
    <Page title={entry.data?.assignedProposal.title ?? t.title}>
      <Anchor component={Link} to="/judging">
        {t.back}
      </Anchor>
      <QueryState data={entry.data} loading={entry.loading} error={entry.error}>
        {(data) => (
          <Stack gap="lg">
            <Entry entry={data.assignedProposal} />
            <QueryState
              data={competition.data}
              loading={competition.loading || !competitionId}
              error={competition.error}
            >
              {(found) =>
                found.competition && (
                  <ScoreForm entry={data.assignedProposal} competition={found.competition} />
                )
              }
            </QueryState>
            <ConflictForm proposalId={data.assignedProposal.proposalId} />
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
