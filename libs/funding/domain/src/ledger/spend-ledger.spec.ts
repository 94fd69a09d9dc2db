import { fundBalance, type FundBalance } from '../award/fund-balance';
import { FundingDomainError, FundingErrorCode } from '../funding.exception';
import { refusalOf } from '../testing/refusal';
import { money } from '../money/money';
import { budgetView, burnRate } from './budget-view';
import {
  awardLedgerFigures,
  decideSpend,
  lineFigures,
  reversalOf,
  type AwardForSpend,
  type SpendEntry,
  type SpendInput,
} from './spend-ledger';

const gbp = (minor: number) => money(minor, 'GBP');
const TODAY = '2026-06-15';
const AWARD: AwardForSpend = {
  id: 'award-1',
  status: 'ACTIVE',
  amount: gbp(100000),
  budgetLines: [
    { category: 'STAFF', budgeted: gbp(60000) },
    { category: 'TRAVEL', budgeted: gbp(40000) },
  ],
};
const ROOMY_FUND = fundBalance(gbp(1000000), [
  { status: 'ACTIVE', amount: gbp(100000), committed: gbp(0), paid: gbp(0) },
]);

function spend(overrides: Partial<SpendInput> = {}): SpendInput {
  return {
    budgetLine: 'TRAVEL',
    kind: 'PAYMENT',
    amount: gbp(1000),
    date: '2026-06-01',
    description: 'Train to the conference',
    ...overrides,
  };
}

/** Appends decided entries as the service would, numbering them. */
function record(entries: SpendEntry[], input: SpendInput, fund: FundBalance = ROOMY_FUND): SpendEntry {
  const decision = decideSpend(AWARD, entries, fund, input, TODAY);
  const entry = { ...decision.entry, id: `e${entries.length + 1}` };
  entries.push(entry);
  return entry;
}

describe('spend ledger', () => {
  it('counts a commitment once, and moves it to paid when a payment with the same reference settles it', () => {
    const entries: SpendEntry[] = [];
    record(entries, spend({ kind: 'COMMITMENT', amount: gbp(5000), reference: 'PO-1' }));
    expect(lineFigures(AWARD.budgetLines[1], entries)).toMatchObject({
      committed: gbp(5000),
      paid: gbp(0),
      remaining: gbp(35000),
    });
    record(entries, spend({ amount: gbp(3000), reference: 'PO-1' }));
    expect(lineFigures(AWARD.budgetLines[1], entries)).toMatchObject({
      committed: gbp(2000),
      paid: gbp(3000),
      remaining: gbp(35000),
    });
    record(entries, spend({ amount: gbp(2500), reference: 'PO-1' }));
    expect(lineFigures(AWARD.budgetLines[1], entries)).toMatchObject({
      committed: gbp(0),
      paid: gbp(5500),
      remaining: gbp(34500),
    });
  });

  it('keeps lines apart', () => {
    const entries: SpendEntry[] = [];
    record(entries, spend({ budgetLine: 'STAFF', amount: gbp(7000) }));
    record(entries, spend({ amount: gbp(1000) }));
    const figures = awardLedgerFigures(AWARD.budgetLines, entries, 'GBP');
    expect(figures.lines.map((line) => [line.category, line.paid.amountMinor])).toEqual([
      ['STAFF', 7000],
      ['TRAVEL', 1000],
    ]);
    expect(figures.paid).toEqual(gbp(8000));
  });

  it('refuses a spend past the line budget with the figures, and records an override with its reason', () => {
    const entries: SpendEntry[] = [];
    record(entries, spend({ amount: gbp(39000) }));
    const error = refusalOf(() =>
      decideSpend(AWARD, entries, ROOMY_FUND, spend({ amount: gbp(1001) }), TODAY),
    );
    expect(error.code).toBe(FundingErrorCode.BUDGET_LINE_LIMIT_EXCEEDED);
    expect(error.message).toBe(
      "TRAVEL: £10.01 would exceed the line's budget of £400.00 (already committed £0.00, paid £390.00, remaining £10.00)",
    );
    expect(error.details).toMatchObject({
      requested: gbp(1001),
      budgeted: gbp(40000),
      paid: gbp(39000),
      remaining: gbp(1000),
    });
    expect(() => decideSpend(AWARD, entries, ROOMY_FUND, spend({ amount: gbp(1000) }), TODAY)).not.toThrow();

    const overridden = decideSpend(
      AWARD,
      entries,
      ROOMY_FUND,
      spend({ amount: gbp(1001), override: { reason: ' Visa fees rose ' } }),
      TODAY,
    );
    expect(overridden.overridden).toBe(true);
    expect(overridden.entry.overrideReason).toBe('Visa fees rose');
    expect(overridden.lineAfter.remaining).toEqual(gbp(-1));
    // The award as a whole is still within its amount, so the fund is not touched.
    expect(overridden.extraFundClaim).toEqual(gbp(0));
  });

  it('lets racing spends take a line exactly to its limit and no further, one decision at a time', () => {
    // The service serialises decisions per line with a row lock; replaying 50 spends of £10 against £400
    // sequentially is what those 50 transactions see.
    const entries: SpendEntry[] = [];
    let accepted = 0;
    let refused = 0;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      try {
        record(entries, spend({ amount: gbp(1000) }));
        accepted += 1;
      } catch (error) {
        expect((error as FundingDomainError).code).toBe(FundingErrorCode.BUDGET_LINE_LIMIT_EXCEEDED);
        refused += 1;
      }
    }
    expect([accepted, refused]).toEqual([40, 10]);
    expect(lineFigures(AWARD.budgetLines[1], entries).remaining).toEqual(gbp(0));
  });

  it('never lets an override take the fund below zero', () => {
    const tightFund = fundBalance(gbp(100500), [
      { status: 'ACTIVE', amount: gbp(100000), committed: gbp(0), paid: gbp(0) },
    ]);
    const entries: SpendEntry[] = [];
    record(entries, spend({ budgetLine: 'STAFF', amount: gbp(60000) }), tightFund);
    record(entries, spend({ amount: gbp(40000) }), tightFund);
    const ok = decideSpend(
      AWARD,
      entries,
      tightFund,
      spend({ amount: gbp(500), override: { reason: 'agreed' } }),
      TODAY,
    );
    expect(ok.extraFundClaim).toEqual(gbp(500));
    const error = refusalOf(() =>
      decideSpend(
        AWARD,
        entries,
        tightFund,
        spend({ amount: gbp(501), override: { reason: 'agreed' } }),
        TODAY,
      ),
    );
    expect(error.code).toBe(FundingErrorCode.FUND_LIMIT_EXCEEDED);
    expect(error.details).toMatchObject({ requested: gbp(501), available: gbp(500) });
  });

  it('reports every input problem at once with its field', () => {
    const error = refusalOf(() =>
      decideSpend(
        AWARD,
        [],
        ROOMY_FUND,
        {
          budgetLine: 'SNACKS',
          kind: 'REFUND',
          amount: money(5, 'EUR'),
          date: '2026-06-16',
          description: ' ',
          reference: 'x'.repeat(101),
          override: { reason: '' },
        },
        TODAY,
      ),
    );
    expect(error.code).toBe(FundingErrorCode.INVALID_INPUT);
    expect((error.details.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'budgetLine',
      'kind',
      'amount.currency',
      'date',
      'description',
      'reference',
      'override.reason',
    ]);
    expect(
      refusalOf(() => decideSpend(AWARD, [], ROOMY_FUND, spend({ amount: gbp(0) }), TODAY)).message,
    ).toMatch(/amount: must be more than zero/);
  });

  it('refuses a line the award does not have, and spend on an award that is not active', () => {
    expect(
      refusalOf(() => decideSpend(AWARD, [], ROOMY_FUND, spend({ budgetLine: 'EQUIPMENT' }), TODAY)).code,
    ).toBe(FundingErrorCode.UNKNOWN_BUDGET_LINE);
    expect(
      refusalOf(() => decideSpend({ ...AWARD, status: 'CLOSED' }, [], ROOMY_FUND, spend(), TODAY)).code,
    ).toBe(FundingErrorCode.AWARD_NOT_ACTIVE);
  });

  it('undoes an entry with a reversal once, and never reverses a reversal', () => {
    const entries: SpendEntry[] = [];
    const commitment = record(entries, spend({ kind: 'COMMITMENT', amount: gbp(2000) }));
    const reversal = { ...reversalOf(commitment, entries, 'Cancelled booking', TODAY), id: 'r1' };
    expect(reversal).toMatchObject({
      amount: gbp(-2000),
      kind: 'COMMITMENT',
      reversesEntryId: commitment.id,
      date: TODAY,
    });
    entries.push(reversal);
    expect(lineFigures(AWARD.budgetLines[1], entries)).toMatchObject({
      committed: gbp(0),
      remaining: gbp(40000),
    });
    expect(refusalOf(() => reversalOf(commitment, entries, 'again', TODAY)).code).toBe(
      FundingErrorCode.ALREADY_REVERSED,
    );
    expect(refusalOf(() => reversalOf(reversal, entries, 'undo the undo', TODAY)).code).toBe(
      FundingErrorCode.ENTRY_NOT_REVERSIBLE,
    );
    expect(refusalOf(() => reversalOf(commitment, [], '  ', TODAY)).code).toBe(
      FundingErrorCode.INVALID_INPUT,
    );
  });

  it('reverses a referenced payment back into an open commitment', () => {
    const entries: SpendEntry[] = [];
    record(entries, spend({ kind: 'COMMITMENT', amount: gbp(2000), reference: 'INV-9' }));
    const payment = record(entries, spend({ amount: gbp(2000), reference: 'INV-9' }));
    entries.push({ ...reversalOf(payment, entries, 'Paid twice by mistake', TODAY), id: 'r1' });
    expect(lineFigures(AWARD.budgetLines[1], entries)).toMatchObject({ committed: gbp(2000), paid: gbp(0) });
  });
});

describe('budget view and burn rate', () => {
  const period = { start: '2026-01-01', end: '2026-12-31' };

  it('shows budgeted, committed, paid and remaining per line and in total', () => {
    const entries: SpendEntry[] = [];
    record(entries, spend({ budgetLine: 'STAFF', amount: gbp(30000) }));
    record(entries, spend({ kind: 'COMMITMENT', amount: gbp(5000) }));
    const view = budgetView(AWARD.budgetLines, entries, 'GBP', period, TODAY);
    expect(
      view.lines.map((line) => [
        line.category,
        line.committed.amountMinor,
        line.paid.amountMinor,
        line.remaining.amountMinor,
      ]),
    ).toEqual([
      ['STAFF', 0, 30000, 30000],
      ['TRAVEL', 5000, 0, 35000],
    ]);
    expect(view).toMatchObject({
      budgeted: gbp(100000),
      committed: gbp(5000),
      paid: gbp(30000),
      remaining: gbp(65000),
    });
  });

  it('compares the share paid with the share of time elapsed', () => {
    // 2026-07-02 is day 183 of 365.
    const onPace = burnRate(gbp(36500), gbp(18300), period, '2026-07-02');
    expect(onPace.elapsedShare).toBeCloseTo(183 / 365, 12);
    expect(onPace.ratio).toBeCloseTo(1, 12);
    expect(onPace.status).toBe('ON_TRACK');
    expect(onPace.projectedAtEnd).toEqual(gbp(36500));
    expect(burnRate(gbp(36500), gbp(1000), period, '2026-07-02').status).toBe('UNDERSPENDING');
    expect(burnRate(gbp(36500), gbp(30000), period, '2026-07-02').status).toBe('OVERSPENDING');
  });

  it('is NOT_STARTED before the award period and stops counting time after it', () => {
    expect(burnRate(gbp(100), gbp(0), period, '2025-12-31')).toMatchObject({
      status: 'NOT_STARTED',
      ratio: null,
    });
    expect(burnRate(gbp(100), gbp(100), period, '2027-03-01')).toMatchObject({ elapsedShare: 1, ratio: 1 });
  });
});
