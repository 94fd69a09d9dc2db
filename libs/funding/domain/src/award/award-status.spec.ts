import { FundingErrorCode } from '../funding.exception';
import { money } from '../money/money';
import {
  actionsAvailable,
  AWARD_ACTIONS,
  AWARD_STATUSES,
  AWARD_TRANSITIONS,
  transitionAward,
  type AwardForTransition,
} from './award-status';
import {
  assertBudgetLinesMatchAward,
  budgetLineProblems,
  defaultBudgetLines,
  findBudgetLine,
} from './budget-line';

const PI = { memberId: 'pi-1', isAdmin: false };
const ADMIN = { memberId: 'admin-1', isAdmin: true };
const STRANGER = { memberId: 'someone-else', isAdmin: false };
const AT = new Date('2026-03-01T10:00:00Z');

function award(overrides: Partial<AwardForTransition> = {}): AwardForTransition {
  return {
    id: 'award-1',
    status: 'OFFERED',
    principalInvestigatorId: 'pi-1',
    amount: money(500000, 'GBP'),
    budgetLines: [
      { category: 'STAFF', budgeted: money(300000, 'GBP') },
      { category: 'TRAVEL', budgeted: money(200000, 'GBP') },
    ],
    finalReportSubmitted: false,
    ...overrides,
  };
}

describe('award status machine', () => {
  it('walks OFFERED → ACCEPTED → ACTIVE → CLOSED with each step dated and attributed', () => {
    const accepted = transitionAward(award(), 'ACCEPT', PI, AT);
    expect(accepted).toEqual({
      awardId: 'award-1',
      action: 'ACCEPT',
      from: 'OFFERED',
      to: 'ACCEPTED',
      by: 'pi-1',
      at: AT,
      reason: null,
    });
    expect(transitionAward(award({ status: 'ACCEPTED' }), 'ACTIVATE', ADMIN, AT).to).toBe('ACTIVE');
    const closed = transitionAward(
      award({ status: 'ACTIVE', finalReportSubmitted: true }),
      'CLOSE',
      ADMIN,
      AT,
      ' done ',
    );
    expect(closed).toMatchObject({ from: 'ACTIVE', to: 'CLOSED', by: 'admin-1', reason: 'done' });
  });

  it('lets only the PI accept or decline, and only an admin activate, close or cancel', () => {
    expect(() => transitionAward(award(), 'ACCEPT', ADMIN, AT)).toThrow(
      expect.objectContaining({ code: FundingErrorCode.NOT_ALLOWED_FOR_ACTOR }),
    );
    expect(() => transitionAward(award(), 'DECLINE', STRANGER, AT)).toThrow(/principal investigator/);
    expect(transitionAward(award(), 'DECLINE', PI, AT).to).toBe('DECLINED');
    expect(() => transitionAward(award({ status: 'ACCEPTED' }), 'ACTIVATE', PI, AT)).toThrow(/Only an admin/);
    expect(transitionAward(award({ status: 'ACTIVE' }), 'CANCEL', ADMIN, AT).to).toBe('CANCELLED');
  });

  it('refuses every transition not in the table, from every status', () => {
    for (const status of AWARD_STATUSES) {
      for (const action of AWARD_ACTIONS) {
        const rule = AWARD_TRANSITIONS[action];
        const actor = rule.by === 'PI' ? PI : ADMIN;
        const subject = award({ status, finalReportSubmitted: true });
        if (rule.from.includes(status)) {
          expect(transitionAward(subject, action, actor, AT).to).toBe(rule.to);
        } else {
          expect(() => transitionAward(subject, action, actor, AT)).toThrow(
            expect.objectContaining({ code: FundingErrorCode.ILLEGAL_AWARD_TRANSITION }),
          );
        }
      }
    }
  });

  it('has no way out of DECLINED, CANCELLED or CLOSED', () => {
    for (const status of ['DECLINED', 'CANCELLED', 'CLOSED'] as const) {
      expect(actionsAvailable(award({ status }), ADMIN)).toEqual([]);
      expect(actionsAvailable(award({ status }), PI)).toEqual([]);
    }
    expect(actionsAvailable(award(), PI)).toEqual(['ACCEPT', 'DECLINE']);
    expect(actionsAvailable(award(), ADMIN)).toEqual(['CANCEL']);
  });

  it('requires the final report before close-out', () => {
    expect(() => transitionAward(award({ status: 'ACTIVE' }), 'CLOSE', ADMIN, AT)).toThrow(
      expect.objectContaining({ code: FundingErrorCode.FINAL_REPORT_REQUIRED }),
    );
  });

  it('requires budget lines that add up to the award before activation', () => {
    const short = award({
      status: 'ACCEPTED',
      budgetLines: [{ category: 'STAFF', budgeted: money(1, 'GBP') }],
    });
    expect(() => transitionAward(short, 'ACTIVATE', ADMIN, AT)).toThrow(
      expect.objectContaining({ code: FundingErrorCode.BUDGET_LINES_DO_NOT_MATCH_AWARD }),
    );
  });
});

describe('budget lines', () => {
  it('start as one OTHER line for the whole amount, for an admin to split', () => {
    const amount = money(250000, 'GBP');
    expect(defaultBudgetLines(amount)).toEqual([{ category: 'OTHER', budgeted: amount }]);
    expect(() => assertBudgetLinesMatchAward(defaultBudgetLines(amount), amount)).not.toThrow();
  });

  it('reports repeated or unknown categories, other currencies and negatives, each with its field', () => {
    const problems = budgetLineProblems(
      [
        { category: 'STAFF', budgeted: money(1, 'GBP') },
        { category: 'STAFF', budgeted: money(1, 'GBP') },
        { category: 'PIZZA' as never, budgeted: money(1, 'GBP') },
        { category: 'TRAVEL', budgeted: money(1, 'EUR') },
        { category: 'OTHER', budgeted: money(-1, 'GBP') },
      ],
      'GBP',
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'budgetLines[1].category',
      'budgetLines[2].category',
      'budgetLines[3].budgeted.currency',
      'budgetLines[4].budgeted',
    ]);
  });

  it('names the lines an award has when asked for one it lacks', () => {
    expect(() => findBudgetLine(award().budgetLines, 'EQUIPMENT')).toThrow(
      /no EQUIPMENT line \(it has STAFF, TRAVEL\)/,
    );
  });
});
