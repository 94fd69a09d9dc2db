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

/** A form's labels by its field paths (`title`, `requestedFunding`), for problems told away from the fields. */
export type FieldLabels = Readonly<Record<string, string>>;

/** The last name in a field path, list indexes skipped: `input.sessions[0].theme` → `theme`, `memberIds.3` → `memberIds`. */
function lastName(field: string): string {
  const names = formPath(field)
    .split('.')
    .filter((name) => !/^\d+$/.test(name));
  return names.at(-1) ?? field;
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

/** A server's field path (`sessions[0].theme`) as a form names it (`sessions.0.theme`); a map's `[*]` too. */
export function formPath(field: string): string {
  return field.replace(/\[(\d+|\*)\]/g, '.$1');
}

/**
 * Where a form shows the API fields it names differently, declared once per form: keys are the API's field paths
 * without the prefix, values the form's fields, both dotted (`sessions.0.theme`, never `sessions[0].theme`). A key
 * covers the fields under it too, so `{ requestedFundingMoney: 'requestedFunding' }` puts
 * `input.requestedFundingMoney.amountMinor` on the form's one amount field; a `*` in a key stands for one list
 * index or key and fills the value's `*` (`{ 'sessions.*.localTime': 'sessions.*.startsAt' }`); the longest key
 * that matches wins. A path no key matches keeps its own name.
 */
export type FieldMap = Readonly<Record<string, string>>;

/** How a form reads a refusal's field problems: the prefix the API puts before its fields, rules' words, names. */
export interface FieldErrorOptions {
  /** What the API puts before the form's fields (`input.`, the default; `''` for plain arguments). */
  readonly prefix?: string;
  readonly wording?: RuleWording;
  readonly fields?: FieldMap;
}

/** The form's field for an API field path (prefix dropped, dotted), by the longest key of `fields` it falls under. */
function mappedPath(path: string, fields: FieldMap): string {
  const segments = path.split('.');
  let best: { length: number; target: string } | undefined;
  for (const [key, target] of Object.entries(fields)) {
    const pattern = formPath(key).split('.');
    if (pattern.length > segments.length || (best && best.length >= pattern.length)) continue;
    const stars: string[] = [];
    const matches = pattern.every((part, index) => {
      if (part === '*') stars.push(segments[index]);
      return part === '*' || part === segments[index];
    });
    if (matches) {
      best = { length: pattern.length, target: formPath(target).replace(/\*/g, () => stars.shift() ?? '*') };
    }
  }
  return best ? best.target : path;
}

/**
 * Field errors from a BAD_USER_INPUT answer, keyed by the form's field path: the server names `input.email`, the
 * form `email` (the prefix is dropped, list items dotted, and `fields` maps what the form names otherwise); each
 * in words (see `RuleWording`), problems that land on one field joined.
 */
export function fieldErrorsOf(error: unknown, options: FieldErrorOptions = {}): Record<string, string> {
  const { prefix = 'input.', wording = {}, fields = {} } = options;
  const errors: Record<string, string> = {};
  for (const problem of fieldProblemsOf(error)) {
    const path = problem.field.startsWith(prefix) ? problem.field.slice(prefix.length) : problem.field;
    const name = mappedPath(formPath(path), fields);
    const message = wordingOf(problem, wording);
    if (errors[name]?.split('; ').includes(message)) continue;
    errors[name] = errors[name] ? `${errors[name]}; ${message}` : message;
  }
  return errors;
}

/**
 * A BAD_USER_INPUT answer's field problems as sentences for a place away from the fields (a status line, a list
 * of reasons): each field named as its form labels it (`labels` by the form's field paths, after `fields` maps
 * them), else its API name in words, then the problem in words.
 */
export function namedFieldProblems(
  error: unknown,
  options: FieldErrorOptions & { readonly labels?: FieldLabels } = {},
): string[] {
  const labels = options.labels ?? {};
  return Object.entries(fieldErrorsOf(error, options)).map(
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
      const named = namedFieldProblems(error, { prefix: '' });
      if (named.length > 0) return named.join(' ');
    }
    return error.errors.map((item) => item.message).join(' ') || commonMessages.serverFault;
  }
  if (error instanceof TypeError) return commonMessages.offline;
  if (error instanceof Error && error.message) return error.message;
  return commonMessages.serverFault;
}
