import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CompetitionFieldsFragment, ProposalFieldsFragment } from '../../gql/graphql';
import { badUserInput } from '../../testing/answers';
import { renderPage } from '../../testing/render';
import { SaveProposalDraftDocument, SubmitProposalDocument } from './operations';
import { ProposalEditor } from './proposal-editor';

const competition = {
  id: 'c1',
  phase: 'OPEN',
  currency: 'GBP',
  eligibility: { requiresInterInstitutionalTeam: false, maxTeamSize: 5, allowedCareerStages: [] },
} as unknown as CompetitionFieldsFragment;

const proposalOf = (status: 'DRAFT' | 'SUBMITTED') =>
  ({
    id: 'p1',
    competitionId: 'c1',
    status,
    title: 'Sleep and shift work',
    summary: 'A study.',
    aims: '',
    methods: 'Interviews.',
    expectedImpact: 'Better rotas.',
    keywords: [],
    requestedFundingMoney: { amountMinor: 0, currency: 'GBP' },
    requestedHours: 0,
    leadApplicant: { id: 'm1', displayName: 'Ada Obi' },
    team: [],
  }) as unknown as ProposalFieldsFragment;

/** The save the editor sends for the proposal's fields with `changes`. */
const saved = (proposal: ProposalFieldsFragment, changes: Record<string, unknown>) => ({
  query: SaveProposalDraftDocument,
  variables: {
    input: {
      id: proposal.id,
      competitionId: 'c1',
      leadApplicantId: 'm1',
      title: proposal.title,
      summary: proposal.summary,
      aims: proposal.aims,
      methods: proposal.methods,
      expectedImpact: proposal.expectedImpact,
      keywords: [],
      requestedHours: 0,
      requestedFundingMoney: { amountMinor: 0, currency: 'GBP' },
      ...changes,
    },
  },
});

describe('proposal editor', () => {
  it('shows a save the server refuses at the field in words, naming the field as its label does', async () => {
    const user = userEvent.setup();
    const proposal = proposalOf('SUBMITTED');
    const title = `${proposal.title}!`;
    renderPage(<ProposalEditor competition={competition} proposal={proposal} />, [
      {
        request: saved(proposal, { title }),
        result: badUserInput({
          field: 'input.title',
          rule: 'maxLength',
          message: 'title must be shorter than or equal to 200 characters',
        }),
      },
    ]);
    const field = screen.getByLabelText(/^Title/);
    await user.type(field, '!');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByText('Not saved: Title: Must be shorter than or equal to 200 characters.'),
    ).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription('Must be shorter than or equal to 200 characters');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(document.body).not.toHaveTextContent(/input\.|title must/);
  });

  it('shows a submission refused for an empty field in words, in the reasons and at the field', async () => {
    const user = userEvent.setup();
    const proposal = proposalOf('DRAFT');
    renderPage(<ProposalEditor competition={competition} proposal={proposal} />, [
      {
        // the save before submitting: an amount the server refuses, named by the funding field's label
        request: saved(proposal, {}),
        result: badUserInput({
          field: 'input.requestedFundingMoney.amountMinor',
          rule: 'min',
          message: 'must be 0 or more',
        }),
      },
      {
        request: { query: SubmitProposalDocument, variables: { id: 'p1' } },
        result: badUserInput(
          { field: 'aims', rule: 'requiredForSubmission', message: 'must be filled in before submission' },
          { field: 'expectedImpact', rule: 'minLength', message: 'expectedImpact is too short.' },
        ),
      },
    ]);
    await user.click(screen.getByRole('button', { name: /Review and submit/ }));
    await user.click(screen.getByRole('button', { name: 'Submit proposal' }));
    const refused = await screen.findByRole('alert');
    expect(within(refused).getByText('Aims: Fill this in before submitting.')).toBeInTheDocument();
    expect(within(refused).getByText('Expected impact: Is too short.')).toBeInTheDocument();
    expect(screen.getByText('Not saved: Requested funding (GBP): Must be 0 or more.')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/input\.|expectedImpact|requiredForSubmission|amountMinor/);

    await user.click(screen.getByRole('button', { name: /Research/ }));
    expect(screen.getByLabelText('Aims')).toHaveAccessibleDescription('Fill this in before submitting');
    expect(screen.getByLabelText('Expected impact')).toHaveAccessibleDescription('Is too short');
  });
});
