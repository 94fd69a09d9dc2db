import { Text, Timeline, Title } from '@mantine/core';
import type { CompetitionFieldsFragment, ProposalFieldsFragment } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../lib/format';
import { proposalMessages as t } from './messages';

/** Where a proposal stands: drafted, submitted (latest version), the competition's deadlines, results. */
export function ProposalTimeline({
  proposal,
  competition,
}: {
  proposal: ProposalFieldsFragment;
  competition: CompetitionFieldsFragment;
}) {
  const steps: Array<{ title: string; detail: string; done: boolean }> = [
    { title: t.timeline.drafted, detail: '', done: true },
  ];
  const submitted = {
    title: t.timeline.submitted,
    detail: proposal.firstSubmittedAt
      ? `${formatDateTime(proposal.firstSubmittedAt)} · ${t.timeline.version(proposal.submittedVersion)}`
      : '',
    done: proposal.submittedVersion > 0,
  };
  if (proposal.status === 'WITHDRAWN') {
    // a proposal withdrawn after it was submitted keeps that step: the applicant sees what they withdrew
    if (submitted.done) steps.push(submitted);
    steps.push({ title: t.timeline.withdrawn, detail: formatDateTime(proposal.updatedAt), done: true });
  } else {
    steps.push(submitted);
    const phase = competition.phase;
    steps.push({
      title: t.timeline.deadline,
      detail: formatDateTime(competition.closesAt),
      done: phase === 'JUDGING' || phase === 'RESULTS_PUBLISHED',
    });
    steps.push({
      title: t.timeline.judging,
      detail: formatDateTime(competition.judgingEndsAt),
      done: phase === 'RESULTS_PUBLISHED',
    });
    steps.push({
      title: t.timeline.results,
      detail: formatDate(competition.resultsPublishedAt),
      done: phase === 'RESULTS_PUBLISHED',
    });
  }
  const active = steps.reduce((last, step, index) => (step.done ? index : last), 0);
  return (
    <section aria-labelledby="timeline">
      <Title order={2} id="timeline" mb="sm">
        {t.timelineTitle}
      </Title>
      <Timeline active={active} bulletSize={16} lineWidth={2}>
        {steps.map((step) => (
          <Timeline.Item key={step.title} title={step.title}>
            {step.detail && <Text size="sm">{step.detail}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}
