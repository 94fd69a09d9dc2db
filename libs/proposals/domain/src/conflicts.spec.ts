import { ConflictKind, conflictedPairs, findConflicts, hasConflict } from './conflicts';

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
