import {
  actionPlanProgress,
  createActionPlan,
  setActionDone,
  validateActionPlan,
  type ActionPlan,
} from './action-plan';
import { MentorshipErrorCode } from './mentorship.exception';

const at = (iso: string): Date => new Date(iso);
const now = at('2025-06-01T12:00:00Z');

describe('action plans', () => {
  const input: ActionPlan = {
    objectives: [{ text: 'Take a structured history in 10 minutes' }],
    actions: [
      { text: 'Practise with a peer twice', dueDate: at('2025-06-15T00:00:00Z'), done: false },
      { text: 'Record and review one attempt', dueDate: at('2025-06-01T00:00:00Z'), done: false },
      { text: 'Book a mock OSCE', dueDate: at('2025-06-30T00:00:00Z'), done: false },
    ],
  };

  it('accepts actions due today or later and rejects an empty objective and a past due date', () => {
    expect(validateActionPlan(input, now)).toEqual([]);
    const bad: ActionPlan = {
      objectives: [{ text: '  ' }],
      actions: [{ text: 'Old', dueDate: at('2025-05-31T23:59:59Z'), done: false }],
    };
    expect(validateActionPlan(bad, now).map((e) => e.field)).toEqual([
      'objectives[0].text',
      'actions[0].dueDate',
    ]);
  });

  it('tracks progress: done, overdue by day, whole percent', () => {
    const created = setActionDone(createActionPlan(input, now), 0, true);
    // On 16 June: action 0 done; action 1 (due 1 June) overdue; action 2 (due 30 June) open.
    expect(actionPlanProgress(created, at('2025-06-16T08:00:00Z'))).toEqual({
      total: 3,
      done: 1,
      overdue: 1,
      percentDone: 33,
    });
    // Due today is not overdue yet.
    expect(actionPlanProgress(created, at('2025-06-01T23:00:00Z')).overdue).toBe(0);
    expect(() => setActionDone(created, 3, true)).toThrow(
      expect.objectContaining({ code: MentorshipErrorCode.INVALID_INPUT }),
    );
  });
});
