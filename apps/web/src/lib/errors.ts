import { CombinedGraphQLErrors } from '@apollo/client';
import { commonMessages } from './messages';

interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/**
 * A feature's own words for the rules a server's field problems name (`AFTER_OPENS_AT`), in place of the server's
 * message, which names fields and instants as the API does; a rule without words keeps the server's message,
 * without the API's name of the field it opens with (`title must be…` reads `Must be…` at the Title field).
 */
export type RuleWording = Readonly<Record<string, string>>;

/** A form's labels by the field names the server uses without its prefix (`title`, `requestedFundingMoney.amountMinor`). */
export type FieldLabels = Readonly<Record<string, string>>;

/** The last name in a server's field path: `input.sessions[0].theme` → `theme`. */
function lastName(field: string): string {
  return (field.split('.').at(-1) ?? field).replace(/\[\d+\]$/, '');
}

/** The server's message without the API's name of the field it opens with, as a sentence of its own. */
function withoutFieldName(problem: FieldProblem): string {
  let message = problem.message.trim();
  const opening = [problem.field, lastName(problem.field)]
    .flatMap((name) => [`${name}: `, `${name} `])
    .find((start) => message.startsWith(start));
  if (opening) message = message.slice(opening.length).trim();
  message = message.replace(/\.$/, '');
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** A field problem in words for a member: the feature's wording of its rule, else the server's message worded. */
function wordingOf(problem: FieldProblem, wording: RuleWording): string {
  return Object.hasOwn(wording, problem.rule) ? wording[problem.rule] : withoutFieldName(problem);
}

/** An API field name in words where the form gave no label: `expectedImpact` → `Expected impact`. */
function nameInWords(field: string): string {
  const words = lastName(field)
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function fieldProblemsOf(error: unknown): FieldProblem[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((item) => (item.extensions?.fields as FieldProblem[] | undefined) ?? []);
}

/**
 * Field errors from a BAD_USER_INPUT answer, keyed by the form's field name: the server names `input.email`, the
 * form `email` (the prefix is dropped); each in words (see `RuleWording`).
 */
export function fieldErrorsOf(
  error: unknown,
  prefix = 'input.',
  wording: RuleWording = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of fieldProblemsOf(error)) {
    const name = problem.field.startsWith(prefix) ? problem.field.slice(prefix.length) : problem.field;
    const message = wordingOf(problem, wording);
    errors[name] = errors[name] ? `${errors[name]}; ${message}` : message;
  }
  return errors;
}

/**
 * A BAD_USER_INPUT answer's field problems as sentences for a place away from the fields (a status line, a list
 * of reasons): each field named as its form labels it (else its API name in words), then the problem in words.
 */
export function namedFieldProblems(
  error: unknown,
  prefix = 'input.',
  wording: RuleWording = {},
  labels: FieldLabels = {},
): string[] {
  return Object.entries(fieldErrorsOf(error, prefix, wording)).map(
    ([name, message]) => `${labels[name] ?? nameInWords(name)}: ${message}.`,
  );
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
    // the server's message names fields as the API does (`input.title: title must be…`)
    if (code === 'BAD_USER_INPUT') {
      const named = namedFieldProblems(error, '');
      if (named.length > 0) return named.join(' ');
    }
    return error.errors.map((item) => item.message).join(' ') || commonMessages.serverFault;
  }
  if (error instanceof TypeError) return commonMessages.offline;
  if (error instanceof Error && error.message) return error.message;
  return commonMessages.serverFault;
}
