import { CAREER_STAGES, type CareerStage } from '@praxis/contracts';
import {
  releaseMeasureBeside,
  releasedRate,
  suppressLine,
  type Measure,
  type ReleasedCount,
} from '@praxis/engagement/domain';
import {
  careerStageField,
  type MetricFigure,
  type MetricFigureObject,
  type MetricRate,
  type MetricRateObject,
} from './figure.objects';

/**
 * One raw cell as the queries return it: a figure for one key (a bucket, a programme, a session), one
 * institution and one career stage. `value` is the figure (members, minutes, places) and `contributors` how many
 * members (or records) it sums; for a head count the two are equal. Every member has one current institution and
 * career stage, so cells of one key and figure add up to the network's figure.
 */
export interface FigureRow {
  figure: MetricFigure;
  key: string;
  institution: string;
  stage: CareerStage;
  value: number;
  contributors: number;
}

/** Raw rows as SQL returns them (numbers as text), checked into `FigureRow`s. */
export function figureRows(
  rows: ReadonlyArray<Record<'figure' | 'key' | 'institution' | 'stage' | 'value' | 'contributors', string>>,
): FigureRow[] {
  return rows.map((row) => ({
    figure: row.figure as MetricFigure,
    key: String(row.key),
    institution: row.institution,
    stage: row.stage as CareerStage,
    value: Number(row.value),
    contributors: Number(row.contributors),
  }));
}

export class FigureTable {
  private readonly cells = new Map<string, FigureRow[]>();

  constructor(
    rows: readonly FigureRow[],
    private readonly institutionId: string | null,
    private readonly threshold: number,
  ) {
    for (const row of rows) {
      const id = `${row.key}|${row.figure}`;
      const list = this.cells.get(id) ?? [];
      list.push(row);
      this.cells.set(id, list);
    }
  }

  /** The raw measure of the scope (or the network), for rates and tests. */
  measure(key: string, figure: MetricFigure, scope: 'own' | 'network'): Measure {
    const rows = (this.cells.get(`${key}|${figure}`) ?? []).filter(
      (row) => scope === 'network' || this.institutionId === null || row.institution === this.institutionId,
    );
    return {
      value: rows.reduce((sum, row) => sum + row.value, 0),
      contributors: rows.reduce((sum, row) => sum + row.contributors, 0),
    };
  }

  /**
   * Every figure of one key, released: the scope beside the network, with its career-stage line (a head count's
   * stages, or a sum's: the minutes of each stage, published where the stage's contributors are).
   */
  release(key: string, figures: readonly MetricFigure[]): MetricFigureObject[] {
    return figures.map((figure) => {
      const network = this.measure(key, figure, 'network');
      const own = this.institutionId === null ? null : this.measure(key, figure, 'own');
      const beside = releaseMeasureBeside(own, network, this.threshold);
      // a sum's line hides the stages its head count's line hides: both are suppressed on the contributors
      const byCareerStage = careerStageLine(
        (this.cells.get(`${key}|${figure}`) ?? []).filter(
          (row) => this.institutionId === null || row.institution === this.institutionId,
        ),
        this.threshold,
      );
      return {
        figure,
        value: beside.scope.value,
        suppressed: beside.scope.suppressed,
        networkValue: beside.network.value,
        networkSuppressed: beside.network.suppressed,
        byCareerStage,
      };
    });
  }
}

/** One group of a career-stage line before release: a stage's figure and how many members or records it sums. */
export interface StageCell {
  stage: CareerStage;
  value: number;
  contributors: number;
}

/**
 * The cells of one scope's figure (several per stage allowed) as one released career-stage line: `suppressLine`
 * on each stage's contributors (secondary suppression included; a small total hides the whole line), and a
 * published stage shows its value. For a head count value and contributors are equal; a sum (minutes, money)
 * thus hides exactly the stages its count of contributors hides. The line's total is the unsplit figure, which
 * the caller releases on the same contributors.
 */
export function careerStageLine(
  cells: readonly StageCell[],
  threshold: number,
): Record<string, number | null> {
  const ofStage = (stage: CareerStage) => cells.filter((cell) => cell.stage === stage);
  const sum = (stage: CareerStage, part: 'value' | 'contributors') =>
    ofStage(stage).reduce((total, cell) => total + cell[part], 0);
  const line = suppressLine(
    CAREER_STAGES.map((stage) => sum(stage, 'contributors')),
    threshold,
  );
  return Object.fromEntries(
    CAREER_STAGES.map((stage, index) => [
      careerStageField(stage),
      line.cells[index]?.count === null || line.cells[index] === undefined ? null : sum(stage, 'value'),
    ]),
  );
}

function asCount(figure: MetricFigureObject | undefined, side: 'own' | 'network'): ReleasedCount {
  if (!figure) return { count: null, suppressed: true };
  return side === 'own'
    ? { count: figure.value, suppressed: figure.suppressed }
    : { count: figure.networkValue, suppressed: figure.networkSuppressed };
}

/** A rate between two released figures, for the scope and the network: null unless both are published. */
export function rateOf(
  rate: MetricRate,
  figures: readonly MetricFigureObject[],
  numerator: MetricFigure,
  denominator: MetricFigure,
): MetricRateObject {
  const find = (kind: MetricFigure) => figures.find((figure) => figure.figure === kind);
  return {
    rate,
    value: releasedRate(asCount(find(numerator), 'own'), asCount(find(denominator), 'own')),
    networkValue: releasedRate(asCount(find(numerator), 'network'), asCount(find(denominator), 'network')),
  };
}
