import { randomUUID } from 'node:crypto';
import {
  describeAuthorisationMatrix,
  executeOk,
  MATRIX_ROLES,
  matrixCaller,
  seedMatrixCallers,
  type Caller,
  type OperationRule,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { activeAward, offerAward, startFunding } from './testing/funding.fixtures';

/**
 * The platform's roles and a lead of the owner's own institution (`leadOfOwnInstitution`), so every operation a
 * lead may use is tried both for the lead's own institution (allowed) and by `leadOfAnotherInstitution` (refused).
 */
const ROLES = [...MATRIX_ROLES, 'leadOfOwnInstitution'] as const;
type Role = (typeof ROLES)[number];
const ids = Object.fromEntries(ROLES.map((role) => [role, randomUUID()])) as Record<Role, string>;
const ownerInstitution = randomUUID();
const otherInstitution = randomUUID();
function caller(role: Role): Caller {
  if (role === 'leadOfOwnInstitution')
    return { memberId: ids[role], roles: [{ role: 'lead', institutionId: ownerInstitution }] };
  return matrixCaller(role, ids, otherInstitution);
}
const callers = { roles: ROLES, ids, otherInstitution, caller };

const SIGNED_IN_ONLY = { anonymous: 'UNAUTHENTICATED', others: 'allowed' } as const;
const ADMIN_ONLY = { anonymous: 'UNAUTHENTICATED', admin: 'allowed', others: 'FORBIDDEN' } as const;
/** The owner's award and what hangs off it: its PI and admins; to everyone else it does not exist. */
const OWNER_OR_ADMIN = {
  anonymous: 'UNAUTHENTICATED',
  owner: 'allowed',
  admin: 'allowed',
  others: 'NOT_FOUND',
} as const;
/** The PI decides on their own offer; an admin sees the award but is not its PI. */
const OWNER_ON_OWNERS = { ...OWNER_OR_ADMIN, admin: 'FORBIDDEN' } as const;
/** A lead of the PI's institution sees the award but does not act on it. */
const SEEN_BY_OWN_LEAD = { leadOfOwnInstitution: 'FORBIDDEN' } as const;

/** An award the owner leads that started in the past (periods have ended), requesting no protected time. */
const AWARD = { startsOn: '2026-01-05', endsOn: '2027-01-03' } as const;
const today = () => new Date().toISOString().slice(0, 10);
const mondayOf = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
};

/** Records the matrix acts on: the owner's active award, and a fund with room for another award. */
const records = { fund: '', award: '' };

let subgraph: SubgraphHarness;

const ownerOffer = () => offerAward(subgraph, { pi: ids.owner, ...AWARD });
const ownerActive = () => activeAward(subgraph, { pi: ids.owner, ...AWARD });

async function ownerAccepted(requestedHours?: number): Promise<string> {
  const id = await offerAward(subgraph, { pi: ids.owner, ...AWARD, requestedHours });
  await executeOk(subgraph, caller('owner'), 'mutation($id: ID!) { acceptAward(id: $id) { id } }', { id });
  return id;
}

/** The protected time proposed for the owner when they accepted an award that requested hours. */
async function ownerProposedAllocation(): Promise<string> {
  const awardId = await ownerAccepted(104);
  const award = await executeOk<{ award: { protectedTime: Array<{ id: string }> } }>(
    subgraph,
    caller('admin'),
    'query($id: ID!) { award(id: $id) { protectedTime { id } } }',
    { id: awardId },
  );
  return award.award.protectedTime[0].id;
}

/** An entry of the owner's time log, today (a quarter hour: the cells stay far from 24 h a day). */
async function ownerTimeLog(): Promise<string> {
  const logged = await executeOk<{ logTime: { id: string } }>(
    subgraph,
    caller('owner'),
    'mutation($input: LogTimeInput!) { logTime(input: $input) { id } }',
    { input: { date: today(), hours: 0.25, activity: 'RESEARCH' } },
  );
  return logged.logTime.id;
}

async function ownerSpend(): Promise<string> {
  const spent = await executeOk<{ recordSpend: { id: string } }>(
    subgraph,
    caller('admin'),
    'mutation($a: ID!, $input: RecordSpendInput!) { recordSpend(awardId: $a, input: $input) { id } }',
    { a: records.award, input: spendInput() },
  );
  return spent.recordSpend.id;
}

const spendInput = () => ({
  budgetLine: 'OTHER',
  kind: 'PAYMENT',
  amount: { amountMinor: 1, currency: 'GBP' },
  date: today(),
  description: 'Matrix spend',
});

/**
 * Every funding operation × every role, against records `owner` owns: an award they lead (offered, accepted or
 * active as the operation needs), its ledger, their protected time, their time log, their report. Destructive
 * operations get a fresh record per cell. A new operation fails the build until it has a row here.
 */
const RULES: Record<string, OperationRule<Role>> = {
  fund: {
    document: 'query($id: ID!) { fund(id: $id) { id } }',
    variables: () => ({ id: records.fund }),
    expect: ADMIN_ONLY,
  },
  funds: { document: '{ funds(first: 1) { totalCount } }', expect: ADMIN_ONLY },
  // leads of an institution on the award see it: the owner's is
  award: {
    document: 'query($id: ID!) { award(id: $id) { id title } }',
    variables: () => ({ id: records.award }),
    expect: { ...OWNER_OR_ADMIN, leadOfOwnInstitution: 'allowed' },
  },
  awards: { document: '{ awards(first: 5) { totalCount } }', expect: SIGNED_IN_ONLY },
  memberUtilisation: {
    document: 'query($m: ID!, $d: String!) { memberUtilisation(memberId: $m, from: $d, to: $d) { atRisk } }',
    variables: () => ({ m: ids.owner, d: today() }),
    expect: {
      anonymous: 'UNAUTHENTICATED',
      owner: 'allowed',
      leadOfOwnInstitution: 'allowed',
      admin: 'allowed',
      others: 'FORBIDDEN',
    },
  },
  // a list filtered to the winners the caller may see (none here: nobody owns a competition's results)
  competitionFundingOutcomes: {
    document: 'query($c: ID!) { competitionFundingOutcomes(competitionId: $c) { rank } }',
    variables: () => ({ c: randomUUID() }),
    expect: SIGNED_IN_ONLY,
  },
  // the owner's institution: its leads and admins; a lead of another one is refused
  institutionUtilisation: {
    document:
      'query($i: ID!, $d: String!) { institutionUtilisation(institutionId: $i, from: $d, to: $d) { institutionId } }',
    variables: () => ({ i: ownerInstitution, d: today() }),
    expect: { ...ADMIN_ONLY, leadOfOwnInstitution: 'allowed' },
  },
  // leads and admins, each shown only what they may decide (per record: protected-time-approvals.integration-spec.ts)
  protectedTimeToApprove: {
    document: '{ protectedTimeToApprove(first: 5) { totalCount } }',
    expect: { ...ADMIN_ONLY, leadOfOwnInstitution: 'allowed', leadOfAnotherInstitution: 'allowed' },
  },
  // whoever may read the member's time: a lead of the member's institution too
  effortStatements: {
    document: 'query($a: ID!, $m: ID!) { effortStatements(awardId: $a, memberId: $m) { periodIndex } }',
    variables: () => ({ a: records.award, m: ids.owner }),
    expect: { ...OWNER_OR_ADMIN, leadOfOwnInstitution: 'allowed' },
  },
  // a list filtered to what the caller may see
  atRiskMembers: { document: '{ atRiskMembers(first: 5) { totalCount } }', expect: SIGNED_IN_ONLY },
  createFund: {
    document: 'mutation($input: CreateFundInput!) { createFund(input: $input) { id } }',
    variables: () => ({
      input: { name: 'Matrix', source: 'Institution', total: { amountMinor: 100, currency: 'GBP' } },
    }),
    expect: ADMIN_ONLY,
  },
  createAward: {
    document: 'mutation($input: CreateAwardInput!) { createAward(input: $input) { id } }',
    variables: () => ({
      input: {
        title: 'Matrix award',
        fundId: records.fund,
        amount: { amountMinor: 1, currency: 'GBP' },
        principalInvestigatorId: ids.owner,
        teamMemberIds: [],
        ...AWARD,
      },
    }),
    expect: ADMIN_ONLY,
  },
  acceptAward: {
    document: 'mutation($id: ID!) { acceptAward(id: $id) { status } }',
    variables: async () => ({ id: await ownerOffer() }),
    expect: { ...OWNER_ON_OWNERS, ...SEEN_BY_OWN_LEAD },
  },
  declineAward: {
    document: 'mutation($id: ID!) { declineAward(id: $id, input: { reason: "no" }) { status } }',
    variables: async () => ({ id: await ownerOffer() }),
    expect: { ...OWNER_ON_OWNERS, ...SEEN_BY_OWN_LEAD },
  },
  activateAward: {
    document: 'mutation($id: ID!) { activateAward(id: $id) { status } }',
    variables: async () => ({ id: await ownerAccepted() }),
    expect: ADMIN_ONLY,
  },
  closeAward: {
    document: 'mutation($id: ID!) { closeAward(id: $id) { status } }',
    variables: () => ({ id: records.award }),
    // let through, then refused: the final report is not in
    expect: { ...ADMIN_ONLY, admin: 'FAILED_PRECONDITION' },
  },
  cancelAward: {
    document: 'mutation($id: ID!) { cancelAward(id: $id, input: { reason: "matrix" }) { status } }',
    variables: async () => ({ id: await ownerOffer() }),
    expect: ADMIN_ONLY,
  },
  setBudgetLines: {
    document:
      'mutation($id: ID!, $lines: [BudgetLineInput!]!) { setBudgetLines(awardId: $id, lines: $lines) { id } }',
    variables: async () => ({
      id: await ownerOffer(),
      lines: [{ category: 'TRAVEL', budgeted: { amountMinor: 1_000, currency: 'GBP' } }],
    }),
    expect: ADMIN_ONLY,
  },
  recordSpend: {
    document:
      'mutation($a: ID!, $input: RecordSpendInput!) { recordSpend(awardId: $a, input: $input) { id } }',
    variables: () => ({ a: records.award, input: spendInput() }),
    expect: ADMIN_ONLY,
  },
  reverseSpend: {
    document: 'mutation($id: ID!) { reverseSpend(entryId: $id, reason: "matrix") { id } }',
    variables: async () => ({ id: await ownerSpend() }),
    expect: ADMIN_ONLY,
  },
  approveProtectedTime: {
    document: 'mutation($id: ID!) { approveProtectedTime(allocationId: $id) { status } }',
    variables: async () => ({ id: await ownerProposedAllocation() }),
    // the member's institution releases the time: its lead; the member does not release their own time and a
    // lead of another institution has no say
    expect: { ...ADMIN_ONLY, leadOfOwnInstitution: 'allowed' },
  },
  // the caller's own time log: anyone signed in logs their own
  logTime: {
    document: 'mutation($input: LogTimeInput!) { logTime(input: $input) { id } }',
    variables: () => ({ input: { date: today(), hours: 0.25, activity: 'RESEARCH' } }),
    expect: SIGNED_IN_ONLY,
  },
  logTimeWeek: {
    document: 'mutation($input: LogWeekInput!) { logTimeWeek(input: $input) { id } }',
    variables: () => ({
      input: {
        weekStart: mondayOf(today()),
        entries: [{ date: mondayOf(today()), hours: 0.25, activity: 'WRITING' }],
      },
    }),
    expect: SIGNED_IN_ONLY,
  },
  rejectProtectedTime: {
    document: 'mutation($id: ID!) { rejectProtectedTime(allocationId: $id, reason: "Matrix") { status } }',
    variables: async () => ({ id: await ownerProposedAllocation() }),
    // as approval: the member's institution's lead decides, not the member, nor a lead of another institution
    expect: { ...ADMIN_ONLY, leadOfOwnInstitution: 'allowed' },
  },
  // the owner's own entries: nobody else (not even an admin) edits, deletes or lists them
  editTimeLog: {
    document: 'mutation($id: ID!, $input: LogTimeInput!) { editTimeLog(entryId: $id, input: $input) { id } }',
    variables: async () => ({
      id: await ownerTimeLog(),
      input: { date: today(), hours: 0.25, activity: 'WRITING' },
    }),
    expect: { anonymous: 'UNAUTHENTICATED', owner: 'allowed', others: 'NOT_FOUND' },
  },
  deleteTimeLog: {
    document: 'mutation($id: ID!) { deleteTimeLog(entryId: $id) }',
    variables: async () => ({ id: await ownerTimeLog() }),
    expect: { anonymous: 'UNAUTHENTICATED', owner: 'allowed', others: 'NOT_FOUND' },
  },
  // filtered to the caller's own entries
  myTimeLogs: {
    document: 'query($d: String!) { myTimeLogs(from: $d, to: $d) { id } }',
    variables: () => ({ d: today() }),
    expect: SIGNED_IN_ONLY,
  },
  allocateProtectedTime: {
    document:
      'mutation($input: AllocateProtectedTimeInput!) { allocateProtectedTime(input: $input) { status } }',
    variables: async () => ({
      input: {
        awardId: await ownerActive(),
        memberId: ids.owner,
        weekly: { unit: 'HOURS', amount: 2 },
        from: AWARD.startsOn,
        to: AWARD.endsOn,
      },
    }),
    expect: { ...OWNER_OR_ADMIN, ...SEEN_BY_OWN_LEAD },
  },
  changeProtectedTime: {
    document:
      'mutation($id: ID!, $input: ChangeProtectedTimeInput!) { changeProtectedTime(allocationId: $id, input: $input) { status } }',
    variables: async () => ({
      id: await ownerProposedAllocation(),
      input: { weekly: { unit: 'HOURS', amount: 1 }, effectiveFrom: '2026-06-01' },
    }),
    expect: { ...OWNER_OR_ADMIN, ...SEEN_BY_OWN_LEAD },
  },
  certifyEffort: {
    document: 'mutation($a: ID!) { certifyEffort(awardId: $a, periodIndex: 0) { periodIndex } }',
    variables: async () => ({ a: await ownerActive() }),
    // only the member certifies their own effort; an admin has none on the award
    expect: { anonymous: 'UNAUTHENTICATED', owner: 'allowed', others: 'NOT_FOUND' },
  },
  submitReport: {
    document:
      'mutation($a: ID!) { submitReport(awardId: $a, input: { progress: "Matrix progress" }) { id } }',
    variables: async () => ({ a: await ownerActive() }),
    expect: { ...OWNER_ON_OWNERS, ...SEEN_BY_OWN_LEAD },
  },
  recordOutput: {
    document:
      'mutation($a: ID!) { recordOutput(awardId: $a, input: { kind: PAPER, title: "Matrix", link: "10.1000/xyz" }) { id } }',
    variables: () => ({ a: records.award }),
    expect: { ...OWNER_OR_ADMIN, ...SEEN_BY_OWN_LEAD },
  },
};

describeAuthorisationMatrix<Role>({
  service: 'funding',
  roles: ROLES,
  caller,
  rules: RULES,
  async setUp() {
    subgraph = await startFunding();
    await seedMatrixCallers(subgraph.dataSource, callers, {
      institutionOf: (role) =>
        role === 'owner' || role === 'leadOfOwnInstitution' ? ownerInstitution : undefined,
    });
    records.award = await ownerActive();
    const fund = await executeOk<{ createFund: { id: string } }>(
      subgraph,
      caller('admin'),
      'mutation($input: CreateFundInput!) { createFund(input: $input) { id } }',
      {
        input: { name: 'Matrix', source: 'Institution', total: { amountMinor: 1_000_000, currency: 'GBP' } },
      },
    );
    records.fund = fund.createFund.id;
    return subgraph;
  },
});
