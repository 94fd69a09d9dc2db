import { CombinedGraphQLErrors } from '@apollo/client';
import { commonMessages } from './messages';

interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/**
 * A feature's own words for the rules a server's field problems name (`AFTER_OPENS_AT`), in place of the server's
 * message, which names fields and instants as the API does; a rule without words keeps the server's message.
 */
export type RuleWording = Readonly<Record<string, string>>;

/**
 * Field errors from a BAD_USER_INPUT answer, keyed by the form's field name: the server names `input.email`, the
 * form `email` (the prefix is dropped).
 */
export function fieldErrorsOf(
  error: unknown,
  prefix = 'input.',
  wording: RuleWording = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return errors;
  for (const item of error.errors) {
    const fields = item.extensions?.fields as FieldProblem[] | undefined;
    for (const problem of fields ?? []) {
      const name = problem.field.startsWith(prefix) ? problem.field.slice(prefix.length) : problem.field;
      const message = Object.hasOwn(wording, problem.rule) ? wording[problem.rule] : problem.message;
      errors[name] = errors[name] ? `${errors[name]}; ${message}` : message;
    }
  }
  return errors;
}

/** The rule the server named for a refusal (`extensions.rule`, e.g. a phase move's precondition), if any. */
export function ruleOf(error: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(error)) return undefined;
  const rule = error.errors[0]?.extensions?.rule;
  return typeof rule === 'string' ? rule : undefined;
}

/** One sentence for a person: the server's message when it sent one, never a stack or a blank. */
export function messageOf(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.code;
    if (code === 'UNAUTHENTICATED') return commonMessages.signedOut;
    if (code === 'TOO_MANY_REQUESTS') return first.message;
    if (code === 'INTERNAL_SERVER_ERROR') return commonMessages.serverFault;
    return error.errors.map((item) => item.message).join(' ') || commonMessages.serverFault;
  }
  if (error instanceof TypeError) return commonMessages.offline;
  if (error instanceof Error && error.message) return error.message;
  return commonMessages.serverFault;
}
