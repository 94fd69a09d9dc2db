import { ConflictKind } from './conflicts';
import {
  assertCanAssign,
  assertCanUnassign,
  checkManualAssignment,
  HandAssignmentRule,
  ManualAssignmentRequest,
} from './manual-assignment';
import { ProposalsErrorCode } from './proposals.exception';

const request: ManualAssignmentRequest = {
  entryId: 'e1',
  judgeId: 'j1',
  holdsJudgeRole: true,
  currentJudgeIds: ['j2'],
  judgeLoad: 4,
  judgeMaxLoad: 5,
  conflicts: [],
};

describe('manual assignment', () => {
  it('allows a free, non-conflicted judge with room', () => {
    expect(checkManualAssignment(request)).toEqual([]);
    expect(() => assertCanAssign(request)).not.toThrow();
  });

  it('reports duplicate, conflict and load cap together, throwing the first', () => {
    const bad: ManualAssignmentRequest = {
      ...request,
      currentJudgeIds: ['j1', 'j2'],
      judgeLoad: 5,
      conflicts: [
        { kind: ConflictKind.SAME_INSTITUTION, judgeId: 'j1', reason: 'Same institution as the lead.' },
      ],
    };
    expect(checkManualAssignment(bad)).toEqual([
      {
        code: ProposalsErrorCode.DUPLICATE_ASSIGNMENT,
        rule: HandAssignmentRule.ALREADY_ASSIGNED,
        message: 'Judge "j1" is already assigned to entry "e1".',
      },
      {
        code: ProposalsErrorCode.CONFLICT_OF_INTEREST,
        rule: HandAssignmentRule.CONFLICT_OF_INTEREST,
        message: 'Judge "j1" has a conflict of interest with entry "e1": Same institution as the lead.',
      },
      {
        code: ProposalsErrorCode.LOAD_CAP_EXCEEDED,
        rule: HandAssignmentRule.LOAD_CAP_REACHED,
        message: 'Judge "j1" already has 5 reviews; their load cap is 5.',
      },
    ]);
    expect(() => assertCanAssign(bad)).toThrow(
      expect.objectContaining({ code: ProposalsErrorCode.DUPLICATE_ASSIGNMENT }),
    );
    expect(() => assertCanAssign({ ...bad, currentJudgeIds: [] })).toThrow(
      expect.objectContaining({ code: ProposalsErrorCode.CONFLICT_OF_INTEREST }),
    );
  });

  it('names the field and the rule of every refusal, a judge whose declared conflict is the only one', () => {
    const declared: ManualAssignmentRequest = {
      ...request,
      conflicts: [
        { kind: ConflictKind.DECLARED_BY_JUDGE, judgeId: 'j1', reason: 'The judge declared a conflict.' },
      ],
    };
    expect(() => assertCanAssign(declared)).toThrow(
      expect.objectContaining({
        code: ProposalsErrorCode.CONFLICT_OF_INTEREST,
        details: expect.objectContaining({
          fields: [
            expect.objectContaining({ field: 'judgeId', rule: HandAssignmentRule.CONFLICT_OF_INTEREST }),
          ],
        }),
      }),
    );
  });

  it('refuses a judge who no longer holds the judge role as bad input naming judgeId', () => {
    expect(() => assertCanAssign({ ...request, holdsJudgeRole: false })).toThrow(
      expect.objectContaining({
        code: ProposalsErrorCode.INVALID_INPUT,
        fields: [expect.objectContaining({ field: 'judgeId', rule: HandAssignmentRule.NO_JUDGE_ROLE })],
      }),
    );
  });

  it('has no cap when judgeMaxLoad is null', () => {
    expect(checkManualAssignment({ ...request, judgeLoad: 99, judgeMaxLoad: null })).toEqual([]);
  });
});

describe('manual unassignment', () => {
  it('refuses a judge who is not assigned', () => {
    expect(() =>
      assertCanUnassign({ entryId: 'e1', judgeId: 'j9', currentJudgeIds: ['j1'], reviewStarted: false }),
    ).toThrow(expect.objectContaining({ code: ProposalsErrorCode.ASSIGNMENT_NOT_FOUND }));
  });

  it('protects a started review unless discarding it is confirmed', () => {
    const started = { entryId: 'e1', judgeId: 'j1', currentJudgeIds: ['j1'], reviewStarted: true };
    expect(() => assertCanUnassign(started)).toThrow(
      expect.objectContaining({ code: ProposalsErrorCode.REVIEW_ALREADY_STARTED }),
    );
    expect(() => assertCanUnassign({ ...started, discardStartedReview: true })).not.toThrow();
    expect(() => assertCanUnassign({ ...started, reviewStarted: false })).not.toThrow();
  });
});
