import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { isCurrencyCode } from '@praxis/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@praxis/platform/auth';
import { toMoneyObject, type MoneyObject } from '@praxis/platform/graphql';
import { releaseMeasureBeside, type Measure } from '@praxis/engagement/domain';
import { ENGAGEMENT_OPTIONS, type EngagementOptions } from '../engagement.options';
import { memberRef } from '../engagement.refs';
import { EngagementMetricsInput } from '../metrics/metrics.objects';
import { metricScope } from '../figures/figure.scope';
import type { MetricFigure } from '../figures/figure.objects';
import { careerStageLine, FigureTable, rateOf } from '../figures/figure.release';
import { EngagementFundingObject, type FundMoneyFigureObject } from './funding.objects';
import {
  FUNDING_MEASURES,
  membersAtRisk,
  moneyRows,
  protectedTimeRows,
  type MoneyRow,
} from './funding.query';

const TIME_FIGURES: readonly MetricFigure[] = [
  'MEMBERS_WITH_PROTECTED_TIME',
  'MINUTES_ALLOCATED',
  'MEMBERS_LOGGING_TIME',
  'MINUTES_LOGGED',
  'MEMBERS_AT_RISK',
];

function money(amountMinor: number | null, currency: string): MoneyObject | null {
  if (amountMinor === null || !isCurrencyCode(currency)) return null;
  return toMoneyObject({ amountMinor, currency });
}

/** One bucket's money lines (measure × fund × currency), the scope's beside the network's, each with its career-stage line. */
export function releaseMoney(
  rows: readonly MoneyRow[],
  institutionId: string | null,
  threshold: number,
): FundMoneyFigureObject[] {
  const lines = new Map<string, MoneyRow[]>();
  for (const row of rows) {
    const id = `${row.measure}|${row.fundId ?? ''}|${row.currency}`;
    lines.set(id, [...(lines.get(id) ?? []), row]);
  }
  const sum = (list: readonly MoneyRow[]): Measure => ({
    value: list.reduce((total, row) => total + row.amountMinor, 0),
    contributors: list.reduce((total, row) => total + row.awards, 0),
  });
  return [...lines.values()]
    .map((line) => {
      const first = line[0] as MoneyRow;
      const own =
        institutionId === null ? null : sum(line.filter((row) => row.institution === institutionId));
      const beside = releaseMeasureBeside(own, sum(line), threshold);
      const awards = own ?? sum(line);
      // released on the awards behind each stage's sum, as the minutes' line is on its members
      const byCareerStage = careerStageLine(
        line
          .filter((row) => institutionId === null || row.institution === institutionId)
          .map((row) => ({ stage: row.stage, value: row.amountMinor, contributors: row.awards })),
        threshold,
      );
      return {
        measure: first.measure,
        fundId: first.fundId,
        fund: first.fundId ? { id: first.fundId } : null,
        currency: first.currency,
        amount: money(beside.scope.value, first.currency),
        awards: beside.scope.suppressed ? null : awards.contributors,
        suppressed: beside.scope.suppressed,
        networkAmount: money(beside.network.value, first.currency),
        networkSuppressed: beside.network.suppressed,
        byCareerStage,
      };
    })
    .sort(
      (x, y) =>
        FUNDING_MEASURES.indexOf(x.measure) - FUNDING_MEASURES.indexOf(y.measure) ||
        (x.fundId ?? '').localeCompare(y.fundId ?? '') ||
        x.currency.localeCompare(y.currency),
    );
}

@Resolver(() => EngagementFundingObject)
export class FundingResolver {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(ENGAGEMENT_OPTIONS) private readonly options: EngagementOptions,
  ) {}

  @Roles('lead', 'admin')
  @Query(() => EngagementFundingObject, {
    description:
      'Funding and time: awarded, committed and paid per bucket and fund; protected time allocated and logged, utilisation, members at risk; an institution beside the network, small figures suppressed',
  })
  async engagementFunding(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: EngagementMetricsInput,
  ): Promise<EngagementFundingObject> {
    const { institutionId, buckets, span } = metricScope(principal, input);
    const threshold = this.options.suppressionThreshold;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const time = new FigureTable(await protectedTimeRows(manager, buckets), institutionId, threshold);
      const moneyByBucket = await moneyRows(manager, buckets);
      const at = new Date(Math.min(span.to.getTime(), Date.now()));
      const atRisk = await membersAtRisk(manager, { institutionId, at });
      return {
        institutionId,
        granularity: input.granularity,
        suppressionThreshold: threshold,
        buckets: buckets.map((bucket, index) => {
          const figures = time.release(String(index), TIME_FIGURES);
          return {
            ...bucket,
            figures,
            rates: [rateOf('UTILISATION', figures, 'MINUTES_LOGGED', 'MINUTES_ALLOCATED')],
            money: releaseMoney(
              moneyByBucket.filter((row) => row.bucket === index),
              institutionId,
              threshold,
            ),
          };
        }),
        atRisk: atRisk.map((row) => ({ ...row, member: memberRef(row.memberId) })),
      };
    });
  }
}
