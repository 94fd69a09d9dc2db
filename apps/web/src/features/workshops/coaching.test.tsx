import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import { ActionPlanForm, CoachingRequestForm, CoachingRequests, StudentPlan } from './coaching';
import { NewWorkshopForm } from './new-workshop-form';
import { badUserInput, connectionPage } from '../../testing/answers';
import {
  ActionPlanDocument,
  CoachingRequestsDocument,
  RequestFollowUpDocument,
  SetActionPlanDocument,
} from './operations';

describe('action plan form', () => {
  it('asks for an objective and each action’s text at their fields', async () => {
    const user = userEvent.setup();
    renderPage(<ActionPlanForm workshopId="w1" onSaved={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Save the plan' }));
    const objectives = screen.getByRole('textbox', { name: /objectives/i });
    expect(objectives).toHaveAccessibleDescription(/Write at least one objective/);
    await waitFor(() => expect(objectives).toHaveFocus());
    expect(screen.getByRole('textbox', { name: 'Action 1' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('puts the server’s refusal of an action’s date at that action', async () => {
    const user = userEvent.setup();
    const day = new Date().toISOString().slice(0, 10);
    const refused = {
      request: {
        query: SetActionPlanDocument,
        variables: {
          workshopId: 'w1',
          input: {
            objectives: ['Publish a case report'],
            actions: [{ text: 'Pick the case', dueDate: `${day}T12:00:00.000Z`, done: false }],
          },
        },
      },
      result: badUserInput({
        field: 'input.actions[0].dueDate',
        rule: 'invalid_input',
        message: 'must not be before the day the plan is written',
      }),
    };
    renderPage(<ActionPlanForm workshopId="w1" onSaved={() => undefined} />, [refused]);
    await user.type(screen.getByRole('textbox', { name: /objectives/i }), 'Publish a case report');
    await user.type(screen.getByRole('textbox', { name: 'Action 1' }), 'Pick the case');
    await user.click(screen.getByRole('button', { name: 'Save the plan' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Action 1: due')).toHaveAccessibleDescription(/before the day the plan/),
    );
  });
});

describe('asking the coach', () => {
  it('wants a link or the text for a CV review, not both and not neither', async () => {
    const user = userEvent.setup();
    renderPage(<CoachingRequestForm workshopId="w1" />);
    await user.click(screen.getByRole('button', { name: 'Send to the coach' }));
    expect(screen.getByRole('textbox', { name: /link to your cv/i })).toHaveAccessibleDescription(
      /one of the two/,
    );
  });

  it('sends a follow-up request with its message', async () => {
    const user = userEvent.setup();
    const sent = {
      request: { query: RequestFollowUpDocument, variables: { workshopId: 'w1', message: 'My audit plan' } },
      result: { data: { requestFollowUp: { __typename: 'CoachingRequest', id: 'r1' } } },
    };
    renderPage(<CoachingRequestForm workshopId="w1" />, [sent]);
    await user.click(screen.getByRole('radio', { name: 'Follow-up meeting' }));
    expect(screen.queryByRole('textbox', { name: /link to your cv/i })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: /follow up on/i }), 'My audit plan');
    await user.click(screen.getByRole('button', { name: 'Send to the coach' }));
    // sent: the form starts again, empty
    expect(await screen.findByRole('textbox', { name: /your cv as text/i })).toHaveValue('');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('scheduling a workshop', () => {
  it('asks for a title and at least one career stage', async () => {
    const user = userEvent.setup();
    renderPage(<NewWorkshopForm />);
    await user.click(screen.getByRole('checkbox', { name: 'Medical student' }));
    await user.click(screen.getByRole('button', { name: 'Schedule the workshop' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(/Required/);
    expect(screen.getByRole('group', { name: 'For whom' })).toHaveAccessibleDescription(/at least one/);
  });
});

describe('coach’s view of a student’s plan', () => {
  it('loads the student’s plan only when the coach opens it', async () => {
    const user = userEvent.setup();
    const plan = {
      request: { query: ActionPlanDocument, variables: { workshopId: 'w1', memberId: 'm1' } },
      result: {
        data: {
          actionPlan: {
            __typename: 'ActionPlan',
            objectives: ['Publish a case report'],
            actions: [
              {
                __typename: 'ActionPlanAction',
                text: 'Pick the case',
                dueDate: '2026-12-20T12:00:00.000Z',
                done: true,
              },
            ],
            percentDone: 100,
            overdue: 0,
            member: { __typename: 'Member', id: 'm1', displayName: 'Ada Obi' },
          },
        },
      },
    };
    renderPage(<StudentPlan workshopId="w1" student={{ id: 'm1', displayName: 'Ada Obi' }} />, [plan]);
    const toggle = screen.getByRole('button', { name: 'Action plan of Ada Obi' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByText('Publish a case report')).toBeInTheDocument();
    expect(screen.getByText(/Pick the case/)).toBeInTheDocument();
  });
});

describe('coaching requests', () => {
  const request = (id: string, text: string) => ({
    __typename: 'CoachingRequest',
    id,
    kind: 'FOLLOW_UP',
    documentUrl: null,
    text,
    response: null,
    respondedAt: null,
    createdAt: '2026-11-30T10:00:00.000Z',
    student: { __typename: 'Member', id: 's1', displayName: 'Sam Student' },
  });
  const page = (after: string | null, items: unknown[], endCursor: string | null) => ({
    request: {
      query: CoachingRequestsDocument,
      variables: after ? { workshopId: 'w1', after } : { workshopId: 'w1' },
    },
    result: {
      data: {
        coachingRequests: connectionPage('CoachingRequest', items, endCursor, 2),
      },
    },
  });

  it('shows older requests past the first page', async () => {
    const user = userEvent.setup();
    renderPage(<CoachingRequests workshopId="w1" coach={false} />, [
      page(null, [request('r2', 'About my portfolio')], 'r-2'),
      page('r-2', [request('r1', 'About my CV')], null),
    ]);
    expect(await screen.findByText('About my portfolio')).toBeInTheDocument();
    expect(screen.getByText('1 of 2 shown')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show older requests' }));
    expect(await screen.findByText('About my CV')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show older requests' })).toBeNull();
  });
});
