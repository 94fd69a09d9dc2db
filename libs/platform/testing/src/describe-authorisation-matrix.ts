import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CareerStage } from '@praxis/contracts';
import {
  declaredCells,
  MATRIX_ROLES,
  matrixCaller,
  matrixCell,
  matrixCells,
  supergraphOperations,
  undeclaredOperations,
  type AccessDeclaration,
  type MatrixRole,
  type OperationRule,
} from './authorisation-matrix';
import { plausibleOperation } from './graphql-fuzz';
import { seedReplicaMember } from './harness-helpers';
import type { Caller, SubgraphHarness } from './subgraph-harness';

/** A spec's matrix callers: a fresh member id per role, and the institution `leadOfAnotherInstitution` leads. */
export interface MatrixCallers {
  ids: Record<MatrixRole, string>;
  otherInstitution: string;
  caller(role: MatrixRole): Caller;
}

export function matrixCallers(): MatrixCallers {
  const ids = Object.fromEntries(MATRIX_ROLES.map((role) => [role, randomUUID()])) as Record<
    MatrixRole,
    string
  >;
  const otherInstitution = randomUUID();
  return { ids, otherInstitution, caller: (role) => matrixCaller(role, ids, otherInstitution) };
}

/**
 * Puts every caller but the anonymous one into a consuming service's member replica with the roles its token
 * claims (the replica decides, so a token alone grants nothing). Everyone is at an institution of their own
 * unless `institutionOf` says otherwise, except the lead of another institution, who is at the one they lead.
 */
export async function seedMatrixCallers<Role extends string>(
  dataSource: DataSource,
  callers: {
    roles?: readonly Role[];
    ids: Record<Role, string>;
    otherInstitution: string;
    caller(role: Role): Caller;
  },
  options: {
    institutionOf?: (role: Role) => string | undefined;
    careerStageOf?: (role: Role) => CareerStage | undefined;
  } = {},
): Promise<void> {
  const roles = callers.roles ?? (MATRIX_ROLES as readonly string[] as readonly Role[]);
  for (const role of roles) {
    const token = callers.caller(role);
    if (token === null) continue;
    await seedReplicaMember(dataSource, callers.ids[role], {
      institutionId:
        options.institutionOf?.(role) ??
        (role === 'leadOfAnotherInstitution' ? callers.otherInstitution : randomUUID()),
      careerStage: options.careerStageOf?.(role),
      roles: token.roles ?? [],
    });
  }
}

interface MatrixSpecBase<Role extends string> {
  /** The service as the supergraph names its graph (lower case): its Query and Mutation fields are the rows. */
  service: string;
  /** The callers tried on every row; the platform's matrix roles unless the service adds its own. */
  roles?: readonly Role[];
  caller(role: Role): Caller;
  /** Starts the subgraph and creates the records the rows act on, once before every cell. */
  setUp(): Promise<SubgraphHarness>;
  /** For `setUp` (default two minutes: it starts a Nest app and seeds through GraphQL). */
  setUpTimeoutMs?: number;
}

/** One row per operation, against the record its variables name. */
interface OperationMatrix<Role extends string> extends MatrixSpecBase<Role> {
  rules: Record<string, OperationRule<Role>>;
  /**
   * Who may call each operation at all: with it, `rules` may cover only the operations decided per record, and
   * the role-level cells that follow from the declaration are tried on plausible variables.
   */
  access?: AccessDeclaration;
}

/** Rows per operation and per record it can be asked about (e.g. one institution's figures and another's). */
interface RecordMatrix<Role extends string> extends MatrixSpecBase<Role> {
  rulesPerRecord: Record<string, Record<string, OperationRule<Role>>>;
}

export type AuthorisationMatrixSpec<Role extends string = MatrixRole> =
  OperationMatrix<Role> | RecordMatrix<Role>;

/**
 * A service's authorisation matrix as one jest `describe`: the subgraph started by `setUp`, a test that the rows
 * (or the access declaration) cover exactly the operations the committed supergraph gives the service, and one
 * test per operation (per record) × role comparing the declared outcome with the observed one. `more` adds the
 * spec's own tests to the same describe (its subgraph is still running).
 */
export function describeAuthorisationMatrix<Role extends string = MatrixRole>(
  spec: AuthorisationMatrixSpec<Role>,
  more?: () => void,
): void {
  const roles = spec.roles ?? (MATRIX_ROLES as readonly string[] as readonly Role[]);
  const isRole = (role: string): role is Role => (roles as readonly string[]).includes(role);
  const graph = spec.service.toUpperCase();
  let subgraph: SubgraphHarness | undefined;
  const running = (): SubgraphHarness => {
    if (!subgraph) throw new Error(`${spec.service}'s matrix subgraph did not start`);
    return subgraph;
  };

  describe(`${spec.service} authorisation matrix (operations from the committed supergraph, on real records)`, () => {
    beforeAll(async () => {
      subgraph = await spec.setUp();
    }, spec.setUpTimeoutMs ?? 120_000);

    afterAll(async () => {
      await subgraph?.close();
    });

    if ('rulesPerRecord' in spec) {
      it(`has rows for every Query and Mutation field ${spec.service} owns in the supergraph, and no other`, () => {
        expect(Object.keys(spec.rulesPerRecord).sort()).toEqual(supergraphOperations(graph));
      });
      const cells = Object.entries(spec.rulesPerRecord).flatMap(([operation, records]) =>
        matrixCells(records, roles).map(
          ([record, role]) => [operation, record, role] as [string, string, Role],
        ),
      );
      it.each(cells)('%s on %s as %s', async (operation, record, role) => {
        const rule = spec.rulesPerRecord[operation][record];
        const { expected, observed } = await matrixCell(running(), spec.caller(role), rule, role);
        expect(observed).toBe(expected);
      });
    } else {
      const { access, rules } = spec;
      if (access) {
        it(`declares a rule for every Query and Mutation field ${spec.service} owns in the supergraph`, () => {
          expect(undeclaredOperations(access, supergraphOperations(graph))).toEqual([]);
        });
        it.each(declaredCells(access))('%s as %s: %s', async (operation, role, outcome) => {
          if (!isRole(role)) throw new Error(`${role} is not one of this matrix's roles`);
          const { document, variables } = plausibleOperation(running().schema, operation);
          const result = await running().execute(spec.caller(role), document, variables);
          expect(result.errors?.[0]?.extensions?.code).toBe(outcome);
        });
      } else {
        it(`has a row for every Query and Mutation field ${spec.service} owns in the supergraph, and no other`, () => {
          expect(Object.keys(rules).sort()).toEqual(supergraphOperations(graph));
        });
      }
      it.each(matrixCells(rules, roles))('%s as %s', async (operation, role) => {
        const { expected, observed } = await matrixCell(running(), spec.caller(role), rules[operation], role);
        expect(observed).toBe(expected);
      });
    }

    more?.();
  });
}
