import { MentorshipDomainError, type FieldError } from './mentorship.exception';

/** What a student takes away from a coaching workshop: what they aim for, and dated steps towards it. */
export interface ActionPlanObjective {
  readonly text: string;
}

export interface ActionPlanAction {
  readonly text: string;
  readonly dueDate: Date;
  readonly done: boolean;
}

export interface ActionPlan {
  readonly objectives: readonly ActionPlanObjective[];
  readonly actions: readonly ActionPlanAction[];
}

/** Small on purpose: a plan nobody can hold in their head is a plan nobody follows. */
export const ACTION_PLAN_LIMITS = { objectives: 5, actions: 15, textLength: 300 } as const;

function textErrors(text: string, field: string): FieldError[] {
  const length = text.trim().length;
  return length === 0 || length > ACTION_PLAN_LIMITS.textLength
    ? [{ field, message: `must be 1 to ${ACTION_PLAN_LIMITS.textLength} characters` }]
    : [];
}

/**
 * `now` is when the plan is written: a new action due before that day (UTC) is a typo, not a plan. Existing
 * actions are not re-checked on later edits, since their due dates legitimately pass.
 */
export function validateActionPlan(plan: ActionPlan, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (plan.objectives.length < 1 || plan.objectives.length > ACTION_PLAN_LIMITS.objectives) {
    errors.push({
      field: 'objectives',
      message: `must list 1 to ${ACTION_PLAN_LIMITS.objectives} objectives`,
    });
  }
  plan.objectives.forEach((objective, index) =>
    errors.push(...textErrors(objective.text, `objectives[${index}].text`)),
  );
  if (plan.actions.length < 1 || plan.actions.length > ACTION_PLAN_LIMITS.actions) {
    errors.push({ field: 'actions', message: `must list 1 to ${ACTION_PLAN_LIMITS.actions} actions` });
  }
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  plan.actions.forEach((action, index) => {
    errors.push(...textErrors(action.text, `actions[${index}].text`));
    if (Number.isNaN(action.dueDate.getTime())) {
      errors.push({ field: `actions[${index}].dueDate`, message: 'must be a valid date' });
    } else if (action.dueDate.getTime() < today) {
      errors.push({
        field: `actions[${index}].dueDate`,
        message: 'must not be before the day the plan is written',
      });
    }
  });
  return errors;
}

export function createActionPlan(plan: ActionPlan, now: Date): ActionPlan {
  const errors = validateActionPlan(plan, now);
  if (errors.length > 0) throw MentorshipDomainError.invalidInput(errors);
  return {
    objectives: plan.objectives.map((objective) => ({ text: objective.text.trim() })),
    actions: plan.actions.map((action) => ({
      text: action.text.trim(),
      dueDate: action.dueDate,
      done: action.done,
    })),
  };
}

export function setActionDone(plan: ActionPlan, index: number, done: boolean): ActionPlan {
  if (!Number.isInteger(index) || index < 0 || index >= plan.actions.length) {
    throw MentorshipDomainError.invalidInput([
      { field: 'index', message: `must point at one of the ${plan.actions.length} actions (got ${index})` },
    ]);
  }
  return { ...plan, actions: plan.actions.map((action, i) => (i === index ? { ...action, done } : action)) };
}

export interface ActionPlanProgress {
  readonly total: number;
  readonly done: number;
  /** Not done and due on a day (UTC) before today's; an action due today is not overdue yet. */
  readonly overdue: number;
  /** Whole percent, rounded down, so 100 means everything is done. */
  readonly percentDone: number;
}

export function actionPlanProgress(plan: ActionPlan, now: Date): ActionPlanProgress {
  const total = plan.actions.length;
  const done = plan.actions.filter((action) => action.done).length;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const overdue = plan.actions.filter((action) => !action.done && action.dueDate.getTime() < today).length;
  return { total, done, overdue, percentDone: total === 0 ? 0 : Math.floor((done * 100) / total) };
}
