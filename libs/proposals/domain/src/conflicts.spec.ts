import {
  ConflictKind,
  conflictedPairs,
  conflictRecordChanges,
  decideNamedConflict,
  findConflicts,
  hasConflict,
  NamedConflictDecision,
  namedConflictProblems,
  NamedConflictStatus,
} from './conflicts';
import { ProposalsDomainError, ProposalsErrorCode } from './proposals.exception';

const team = [
  { memberId: 'lead', institutionId: 'uni-1' },
  { memberId: 'co-1', institutionId: 'uni-2' },
  { memberId: 'co-2', institutionId: 'uni-2' },
  { memberId: 'co-3', institutionId: null },
];

describe('findConflicts', () => {
  it('finds no conflict for an outside judge', () => {
    expect(findConflicts({ memberId: 'judge', institutionId: 'uni-9' }, team)).toEqual([]);
    expect(hasConflict({ memberId: 'judge', institutionId: null }, team)).toBe(false);
  });

  it('flags a judge who is on the team, without also blaming their own institution', () => {
    expect(findConflicts({ memberId: 'lead', institutionId: 'uni-1' }, team)).toEqual([
      {
        kind: ConflictKind.JUDGE_ON_TEAM,
        judgeId: 'lead',
        reason: 'The judge is a member of the proposal team.',
        memberIds: ['lead'],
      },
    ]);
  });

  it('flags a shared institution and names the colleagues', () => {
    expect(findConflicts({ memberId: 'judge', institutionId: 'uni-2' }, team)).toEqual([
      {
        kind: ConflictKind.SAME_INSTITUTION,
        judgeId: 'judge',
        reason: 'The judge works at the same institution (uni-2) as team members co-1, co-2.',
        memberIds: ['co-1', 'co-2'],
      },
    ]);
  });

  it('adds declared conflicts for this judge only, with their reasons', () => {
    const conflicts = findConflicts({ memberId: 'judge', institutionId: 'uni-1' }, team, [
      { kind: ConflictKind.DECLARED_BY_JUDGE, judgeId: 'judge', reason: 'Supervised the lead applicant.' },
      { kind: ConflictKind.NAMED_BY_APPLICANT, judgeId: 'judge', reason: '  ' },
      { kind: ConflictKind.NAMED_BY_APPLICANT, judgeId: 'someone-else', reason: 'Competitor.' },
    ]);
    expect(conflicts.map((c) => [c.kind, c.reason])).toEqual([
      [ConflictKind.SAME_INSTITUTION, 'The judge works at the same institution (uni-1) as team member lead.'],
      [
        ConflictKind.DECLARED_BY_JUDGE,
        'The judge declared a conflict of interest: Supervised the lead applicant.',
      ],
      [ConflictKind.NAMED_BY_APPLICANT, 'The applicants named this judge as conflicted.'],
    ]);
  });
});

describe('conflictedPairs', () => {
  it('lists every conflicted (entry, judge) pair for the assignment', () => {
    const pairs = conflictedPairs(
      [
        { entryId: 'e1', team },
        {
          entryId: 'e2',
          team: [{ memberId: 'x', institutionId: 'uni-5' }],
          declared: [{ kind: ConflictKind.NAMED_BY_APPLICANT, judgeId: 'j2', reason: 'Rival group.' }],
        },
      ],
      [
        { memberId: 'j1', institutionId: 'uni-2' },
        { memberId: 'j2', institutionId: 'uni-7' },
      ],
    );
    expect(pairs).toEqual([
      { entryId: 'e1', judgeId: 'j1' },
      { entryId: 'e2', judgeId: 'j2' },
    ]);
  });
});

describe('conflictRecordChanges', () => {
  const conflict = (proposalId: string, judgeId: string, reason = 'same institution') => ({
    proposalId,
    judgeId,
    reason,
  });

  it('clears what no longer holds, adds what now holds, revises a changed reason, keeps the rest', () => {
    expect(
      conflictRecordChanges(
        [conflict('p1', 'j1'), conflict('p2', 'j1'), conflict('p3', 'j2', 'with a, b')],
        [conflict('p2', 'j1'), conflict('p1', 'j2'), conflict('p3', 'j2', 'with b')],
      ),
    ).toEqual({
      cleared: [conflict('p1', 'j1')],
      added: [conflict('p1', 'j2')],
      revised: [{ ...conflict('p3', 'j2', 'with b'), previousReason: 'with a, b' }],
    });
  });

  it('changes nothing once the record says what holds', () => {
    const holding = [conflict('p1', 'j2'), conflict('p2', 'j1')];
    expect(conflictRecordChanges([...holding].reverse(), holding)).toEqual({
      cleared: [],
      added: [],
      revised: [],
    });
  });
});

describe('named conflicts', () => {
  const judge = { memberId: 'judge', institutionId: 'uni-9' };
  const named = (overruled: boolean) => ({
    kind: ConflictKind.NAMED_BY_APPLICANT as const,
    judgeId: 'judge',
    reason: 'former supervisor',
    overruled,
  });

  it('counts a named conflict while it is pending or accepted, and not once an admin overruled it', () => {
    expect(hasConflict(judge, team, [named(false)])).toBe(true);
    expect(hasConflict(judge, team, [named(true)])).toBe(false);
  });

  it('caps the judges one proposal may name, over every submission together', () => {
    expect(namedConflictProblems({ alreadyNamed: ['a'], naming: ['a', 'b'], cap: 2 })).toEqual([]);
    expect(namedConflictProblems({ alreadyNamed: ['a', 'b'], naming: ['c'], cap: 2 })).toEqual([
      {
        field: 'conflictedJudges',
        rule: 'MAX_NAMED_CONFLICTS',
        message: 'at most 2 judges may be named as conflicted per proposal (this would make 3)',
      },
    ]);
    expect(namedConflictProblems({ alreadyNamed: [], naming: ['a'], cap: 0 })).toHaveLength(1);
  });

  it("reviews only a pending applicant's named conflict, with a reason", () => {
    const pending = { kind: ConflictKind.NAMED_BY_APPLICANT, status: NamedConflictStatus.PENDING };
    expect(decideNamedConflict(pending, NamedConflictDecision.ACCEPT, 'confirmed by the judge')).toBe(
      NamedConflictStatus.ACCEPTED,
    );
    expect(decideNamedConflict(pending, NamedConflictDecision.OVERRULE, 'no working link found')).toBe(
      NamedConflictStatus.OVERRULED,
    );
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as ProposalsDomainError).code;
      }
      return null;
    };
    expect(codeOf(() => decideNamedConflict(pending, NamedConflictDecision.ACCEPT, ' x '))).toBe(
      ProposalsErrorCode.INVALID_REVIEW_REASON,
    );
    expect(
      codeOf(() =>
        decideNamedConflict(
          { kind: ConflictKind.NAMED_BY_APPLICANT, status: NamedConflictStatus.OVERRULED },
          NamedConflictDecision.ACCEPT,
          'changed my mind',
        ),
      ),
    ).toBe(ProposalsErrorCode.NAMED_CONFLICT_ALREADY_REVIEWED);
    expect(
      codeOf(() =>
        decideNamedConflict(
          { kind: ConflictKind.SAME_INSTITUTION, status: null },
          NamedConflictDecision.OVERRULE,
          'they never met',
        ),
      ),
    ).toBe(ProposalsErrorCode.NOT_A_NAMED_CONFLICT);
  });
});
