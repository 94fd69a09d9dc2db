import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import type { Caller, SubgraphHarness } from './subgraph-harness';

/** The callers every operation is tried with, against a record that `owner` owns. */
export const MATRIX_ROLES = [
  'anonymous',
  'owner',
  'otherMember',
  'judge',
  'mentor',
  'leadOfAnotherInstitution',
  'admin',
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** `allowed`: data and no error; otherwise the error code the caller must get. */
export type Outcome =
  | 'allowed'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'FAILED_PRECONDITION'
  /** let through, then refused because it is already done (e.g. accepting what one already holds) */
  | 'CONFLICT'
  /** let through, then refused for its input (e.g. a wrong current password) */
  | 'BAD_USER_INPUT';

/**
 * One row of a service's table. `Role` is `MatrixRole` unless a service tries more callers than the platform's
 * (engagement adds a lead of the owner's own institution).
 */
export interface OperationRule<Role extends string = MatrixRole> {
  /** The operation, with variables for ids of the record someone else owns. */
  document: string;
  /**
   * Called for every cell; may create a fresh record (asynchronously) when the operation uses it up (a withdrawal,
   * a submission), so each role meets the record in the same state.
   */
  variables?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Every role must be declared unless `others` says what the undeclared roles get. */
  expect: Partial<Record<Role, Outcome>> & { others?: Outcome };
}

/**
 * The Query and Mutation fields a subgraph owns in the committed supergraph (`@join__field(graph: X)`), so a
 * new operation shows up here without anyone listing it.
 */
export function supergraphOperations(graph: string, root = process.cwd()): string[] {
  const document = parse(readFileSync(path.join(root, 'infra', 'supergraph.graphql'), 'utf8'));
  const owned = (field: FieldDefinitionNode) =>
    (field.directives ?? []).some(
      (directive) =>
        directive.name.value === 'join__field' &&
        (directive.arguments ?? []).some(
          (arg) => arg.name.value === 'graph' && arg.value.kind === Kind.ENUM && arg.value.value === graph,
        ),
    );
  return document.definitions
    .filter(
      (definition): definition is ObjectTypeDefinitionNode =>
        definition.kind === Kind.OBJECT_TYPE_DEFINITION &&
        (definition.name.value === 'Query' || definition.name.value === 'Mutation'),
    )
    .flatMap((definition) => (definition.fields ?? []).filter(owned).map((field) => field.name.value))
    .sort();
}

export function expectedOutcome<Role extends string>(
  rule: OperationRule<Role>,
  role: Role,
): Outcome | undefined {
  return rule.expect[role] ?? rule.expect.others;
}

/**
 * Every row of a service's table × every matrix role (or the service's own `roles`), as `[operation, role]` cells
 * for `it.each`; check each with `matrixCell`.
 */
export function matrixCells(rules: Record<string, OperationRule>): Array<[string, MatrixRole]>;
export function matrixCells<Role extends string>(
  rules: Record<string, OperationRule<Role>>,
  roles: readonly Role[],
): Array<[string, Role]>;
export function matrixCells(
  rules: Record<string, OperationRule<string>>,
  roles: readonly string[] = MATRIX_ROLES,
): Array<[string, string]> {
  return Object.keys(rules).flatMap((operation) =>
    roles.map((role) => [operation, role] as [string, string]),
  );
}

/**
 * One cell of the matrix: the outcome the row declares for `role` and the one observed when `caller` (that role's
 * token) runs the operation, for the spec to compare. A row that declares nothing for the role (and no `others`)
 * is an error before anything runs.
 */
export async function matrixCell<Role extends string>(
  subgraph: SubgraphHarness,
  caller: Caller,
  rule: OperationRule<Role>,
  role: Role,
): Promise<{ expected: Outcome; observed: string }> {
  const expected = expectedOutcome(rule, role);
  if (expected === undefined)
    throw new Error(`the row declares no outcome for ${role} (name it, or give "others")`);
  return { expected, observed: await observedOutcome(subgraph, caller, rule) };
}

/** Runs one operation as one role and says what happened, in the terms of the table. */
export async function observedOutcome(
  subgraph: SubgraphHarness,
  caller: Caller,
  rule: Pick<OperationRule<string>, 'document' | 'variables'>,
): Promise<string> {
  const result = await subgraph.execute(caller, rule.document, await rule.variables?.());
  const codes = (result.errors ?? []).map((error) => String(error.extensions?.code));
  if (codes.length === 0) return 'allowed';
  return codes[0] === 'INTERNAL_SERVER_ERROR'
    ? `INTERNAL_SERVER_ERROR ${JSON.stringify(result.errors)}`
    : codes[0];
}

/**
 * Who may call each operation at all, declared per service. Every operation the supergraph gives the service
 * must appear in exactly one list, so a new operation without a declared rule fails the build.
 */
export interface AccessDeclaration {
  /** Anyone, signed in or not. */
  public: string[];
  /** Any signed-in member; per-record rules are checked by the service's own matrix rows. */
  signedIn: string[];
  /** Only the admin role; every other role is refused with FORBIDDEN. */
  adminOnly: string[];
}

export function undeclaredOperations(declared: AccessDeclaration, operations: string[]): string[] {
  const all = [...declared.public, ...declared.signedIn, ...declared.adminOnly];
  const missing = operations.filter((operation) => !all.includes(operation));
  const unknown = all.filter((operation) => !operations.includes(operation));
  const twice = all.filter((operation, index) => all.indexOf(operation) !== index);
  return [
    ...missing.map((operation) => `${operation}: no rule declared`),
    ...unknown.map((operation) => `${operation}: declared but not in the supergraph`),
    ...twice.map((operation) => `${operation}: declared twice`),
  ];
}

/** The role-level cells of the matrix that follow from the declaration alone. */
export function declaredCells(declared: AccessDeclaration): Array<[string, MatrixRole, 'refused' | Outcome]> {
  const cells: Array<[string, MatrixRole, 'refused' | Outcome]> = [];
  for (const operation of [...declared.signedIn, ...declared.adminOnly])
    cells.push([operation, 'anonymous', 'UNAUTHENTICATED']);
  for (const operation of declared.adminOnly)
    for (const role of ['owner', 'judge', 'mentor', 'leadOfAnotherInstitution'] as const)
      cells.push([operation, role, 'FORBIDDEN']);
  return cells;
}

/** Tokens for the matrix roles; `ids` are real members where the service needs them to exist. */
export function matrixCaller(
  role: MatrixRole,
  ids: Partial<Record<MatrixRole, string>>,
  otherInstitutionId: string,
): Caller {
  const memberId =
    ids[role] ?? `00000000-0000-4000-8000-${String(MATRIX_ROLES.indexOf(role)).padStart(12, '0')}`;
  switch (role) {
    case 'anonymous':
      return null;
    case 'owner':
    case 'otherMember':
      return { memberId };
    case 'judge':
      return { memberId, roles: ['judge'] };
    case 'mentor':
      return { memberId, roles: ['mentor'] };
    case 'leadOfAnotherInstitution':
      return { memberId, roles: [{ role: 'lead', institutionId: otherInstitutionId }] };
    case 'admin':
      return { memberId, roles: ['admin'] };
  }
}
