import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Stack,
  Stepper,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CompetitionFieldsFragment, ProposalFieldsFragment } from '../../gql/graphql';
import { messageOf, namedFieldProblems, type FieldLabels, type FieldMap } from '../../lib/errors';
import { showFieldErrors } from '../../lib/forms';
import { minorDigits } from '../../lib/format';
import { useSession } from '../../session/session-context';
import { eligibilityProblems } from '../competitions/eligibility';
import { proposalMessages as t } from './messages';
import { ProposalDocument, SaveProposalDraftDocument, SubmitProposalDocument } from './operations';
import { TeamPanel } from './team-panel';

interface ProposalValues {
  title: string;
  summary: string;
  aims: string;
  methods: string;
  expectedImpact: string;
  keywords: string[];
  requestedFunding: number;
  requestedHours: number;
}

function valuesOf(proposal: ProposalFieldsFragment | null): ProposalValues {
  const money = proposal?.requestedFundingMoney;
  return {
    title: proposal?.title ?? '',
    summary: proposal?.summary ?? '',
    aims: proposal?.aims ?? '',
    methods: proposal?.methods ?? '',
    expectedImpact: proposal?.expectedImpact ?? '',
    keywords: proposal?.keywords ?? [],
    requestedFunding: money ? money.amountMinor / 10 ** minorDigits(money.currency) : 0,
    requestedHours: proposal?.requestedHours ?? 0,
  };
}

/** The API's money (integer minor units and currency) on the form's one amount field. */
const PROPOSAL_FIELDS: FieldMap = { requestedFundingMoney: 'requestedFunding' };

/** The form's labels by its fields, for refusals told away from the fields. */
function labelsOf(currency: string): FieldLabels {
  return {
    title: t.title,
    summary: t.summary,
    keywords: t.keywords,
    aims: t.aims,
    methods: t.methods,
    expectedImpact: t.impact,
    requestedFunding: t.funding(currency),
    requestedHours: t.hours,
  };
}

/** A refusal in the member's words: its field problems named by the form's labels, else the server's message. */
function whyRefused(error: unknown, prefix: string, labels: FieldLabels): string[] {
  const named = namedFieldProblems(error, { prefix, wording: t.rules, fields: PROPOSAL_FIELDS, labels });
  return named.length > 0 ? named : [messageOf(error)];
}

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; why: string };

/** The reasons the server gave for refusing a submission (each failed eligibility rule), else its message. */
function refusalReasons(error: unknown, labels: FieldLabels): string[] {
  if (CombinedGraphQLErrors.is(error)) {
    const failures = error.errors.flatMap(
      (item) => (item.extensions?.failures as Array<{ message: string }> | undefined) ?? [],
    );
    if (failures.length > 0) return failures.map((failure) => failure.message);
  }
  return whyRefused(error, '', labels);
}

/**
 * The multi-step proposal editor. A draft saves itself a moment after each change (once it has a title); a
 * submitted proposal saves only when asked, since each save freezes a new version. Field errors from the server
 * land on their fields; eligibility is checked on the team before submission and the server's reasons are shown
 * when it refuses.
 */
export function ProposalEditor({
  competition,
  proposal,
}: {
  competition: CompetitionFieldsFragment;
  proposal: ProposalFieldsFragment | null;
}) {
  const session = useSession();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [refusal, setRefusal] = useState<string[]>([]);
  const form = useForm<ProposalValues>({ initialValues: valuesOf(proposal) });
  const [save] = useMutation(SaveProposalDraftDocument);
  const [submit, submitting] = useMutation(SubmitProposalDocument, {
    refetchQueries: proposal ? [{ query: ProposalDocument, variables: { id: proposal.id } }] : [],
  });
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const autosave = proposal === null || proposal.status === 'DRAFT';
  const labels = labelsOf(competition.currency);

  const saveNow = (values: ProposalValues) => {
    if (!values.title.trim()) {
      setSaveState({ kind: 'failed', why: t.needTitle });
      return saving.current;
    }
    // the amount goes as integer minor units of the competition's currency (the field allows no more decimals)
    const { requestedFunding, ...fields } = values;
    const requestedFundingMoney = {
      amountMinor: Math.round(requestedFunding * 10 ** minorDigits(competition.currency)),
      currency: competition.currency,
    };
    // one save at a time, in order: the last one carries the latest text
    saving.current = saving.current.then(async () => {
      setSaveState({ kind: 'saving' });
      try {
        const { data } = await save({
          variables: {
            input: {
              id: proposal?.id ?? null,
              competitionId: competition.id,
              // no teamMemberIds: the team changes by invitation (TeamPanel) and answers, never by a text edit
              leadApplicantId: proposal?.leadApplicant.id ?? session.member?.id ?? '',
              ...fields,
              requestedFundingMoney,
              title: values.title.trim(),
            },
          },
        });
        form.resetDirty(values);
        setSaveState({ kind: 'saved', at: new Date() });
        if (!proposal && data) void navigate(`/proposals/${data.saveProposalDraft.id}`, { replace: true });
      } catch (error) {
        setSaveState({ kind: 'failed', why: whyRefused(error, 'input.', labels).join(' ') });
        showFieldErrors(form, error, { wording: t.rules, fields: PROPOSAL_FIELDS });
      }
    });
    return saving.current;
  };

  const [debounced] = useDebouncedValue(form.values, 1500);
  const saveRef = useRef(saveNow);
  useEffect(() => {
    saveRef.current = saveNow;
  });
  useEffect(() => {
    if (autosave && form.isDirty() && debounced.title.trim()) void saveRef.current(debounced);
    // the form object is stable; only the debounced values start a save
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced, autosave]);

  const submitProposal = async () => {
    if (!proposal) return;
    setRefusal([]);
    await saveNow(form.values);
    try {
      await submit({ variables: { id: proposal.id } });
      notifications.show({ color: 'green', message: t.submitted });
    } catch (error) {
      // fields the server names (e.g. aims left empty) are marked on their step too
      showFieldErrors(form, error, { prefix: '', wording: t.rules, fields: PROPOSAL_FIELDS });
      setRefusal(refusalReasons(error, labels));
    }
  };

  const accepted = proposal?.team ?? [];
  const problems = eligibilityProblems(competition.eligibility, accepted);
  const digits = minorDigits(competition.currency);

  return (
    <Stack gap="md">
      <Text size="sm" role="status" aria-live="polite">
        {saveState.kind === 'saving'
          ? t.saving
          : saveState.kind === 'saved'
            ? t.savedAt(saveState.at.toLocaleTimeString())
            : saveState.kind === 'failed'
              ? t.notSaved(saveState.why)
              : autosave
                ? t.autosave
                : t.saveChangesHint}
      </Text>
      <Stepper active={step} onStepClick={setStep} size="sm" allowNextStepsSelect>
        <Stepper.Step label={t.steps.about}>
          <Stack>
            <TextInput label={t.title} required {...form.getInputProps('title')} />
            <Textarea
              label={t.summary}
              description={t.summaryHint}
              autosize
              minRows={3}
              {...form.getInputProps('summary')}
            />
            <TagsInput label={t.keywords} description={t.keywordsHint} {...form.getInputProps('keywords')} />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t.steps.research}>
          <Stack>
            <Textarea label={t.aims} autosize minRows={3} {...form.getInputProps('aims')} />
            <Textarea label={t.methods} autosize minRows={4} {...form.getInputProps('methods')} />
            <Textarea label={t.impact} autosize minRows={3} {...form.getInputProps('expectedImpact')} />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t.steps.resources}>
          <Stack>
            <NumberInput
              label={t.funding(competition.currency)}
              min={0}
              decimalScale={digits}
              thousandSeparator=","
              {...form.getInputProps('requestedFunding')}
            />
            <NumberInput label={t.hours} min={0} decimalScale={1} {...form.getInputProps('requestedHours')} />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t.steps.team}>
          {proposal ? (
            <TeamPanel proposal={proposal} editable={competition.phase === 'OPEN'} />
          ) : (
            <Text>{t.saveFirst}</Text>
          )}
        </Stepper.Step>
        <Stepper.Step label={t.steps.review}>
          <Stack>
            {problems.length > 0 ? (
              <Alert color="yellow" title={t.problemsTitle} role="note">
                <List>
                  {problems.map((problem) => (
                    <List.Item key={problem}>{problem}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              <Text>{t.eligible}</Text>
            )}
            {refusal.length > 0 && (
              <Alert color="red" title={t.refusedTitle} role="alert">
                <List>
                  {refusal.map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {proposal && competition.phase === 'OPEN' && (
              <Group>
                <Button loading={submitting.loading} onClick={() => void submitProposal()}>
                  {proposal.status === 'SUBMITTED' ? t.resubmit : t.submit}
                </Button>
              </Group>
            )}
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between">
        <Button variant="default" disabled={step === 0} onClick={() => setStep((current) => current - 1)}>
          {t.back}
        </Button>
        {!autosave && (
          <Button variant="outline" onClick={() => void saveNow(form.values)} disabled={!form.isDirty()}>
            {t.saveChanges}
          </Button>
        )}
        <Button disabled={step === 4} onClick={() => setStep((current) => current + 1)}>
          {t.next}
        </Button>
      </Group>
    </Stack>
  );
}
