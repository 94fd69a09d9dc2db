import type { ConflictedPair } from './conflicts';

export interface AssignmentEntry {
  readonly id: string;
  readonly keywords: readonly string[];
  /**
   * Judges who already started reviewing this entry. They stay assigned whatever happens and count toward the
   * judge's load and the entry's review count.
   */
  readonly existingAssignments?: readonly string[];
}

export interface AssignmentJudge {
  readonly id: string;
  readonly interests: readonly string[];
  /** Most reviews this judge accepts; falls back to the run's `judgeMaxLoad`, then to no limit. */
  readonly maxLoad?: number;
}

/** An organiser's manual choice: this judge must review this entry (not started yet). */
export interface AssignmentPin {
  readonly entryId: string;
  readonly judgeId: string;
}

export type ConflictPredicate = (entryId: string, judgeId: string) => boolean;

export interface JudgeAssignmentInput {
  readonly entries: readonly AssignmentEntry[];
  readonly judges: readonly AssignmentJudge[];
  readonly reviewsPerEntry: number;
  readonly judgeMaxLoad?: number;
  /** Either a predicate or the list of conflicted (entry, judge) pairs, e.g. from `conflictedPairs`. */
  readonly conflicts?: ConflictPredicate | Iterable<ConflictedPair>;
  readonly pins?: readonly AssignmentPin[];
}

export enum AssignmentOrigin {
  /** A review that had already started; kept unchanged. */
  EXISTING = 'EXISTING',
  /** Pinned by an organiser. */
  PINNED = 'PINNED',
  /** Chosen by the solver. */
  AUTOMATIC = 'AUTOMATIC',
}

export interface ReviewAssignment {
  readonly entryId: string;
  readonly judgeId: string;
  /** `keywordAffinity(entry.keywords, judge.interests)`. */
  readonly affinity: number;
  readonly origin: AssignmentOrigin;
}

export interface JudgeLoad {
  readonly judgeId: string;
  /** Reviews after this run, started ones included. */
  readonly load: number;
  /** The cap that applied, or null when the judge had none. */
  readonly maxLoad: number | null;
}

export interface JudgeAssignmentResult {
  /** Existing, pinned and automatic assignments, grouped by entry in input order. */
  readonly assignments: readonly ReviewAssignment[];
  /** Sum of affinities over all assignments, including existing and pinned ones. */
  readonly totalAffinity: number;
  readonly judgeLoads: readonly JudgeLoad[];
  /**
   * The balance the run enforced. `max` is the smallest maximum load any feasible assignment can have; `min` is the
   * matching floor (the highest level the total load can lift every judge to). Judges are kept within
   * [min, max] except where their cap, started reviews or conflicts make that impossible (see `balanceShortfall`).
   */
  readonly loadBand: { readonly min: number; readonly max: number };
  /** Reviews by which judges fall short of `loadBand.min` in total; 0 in the usual case. */
  readonly balanceShortfall: number;
  /** True when the result is proven to have the highest total affinity possible within the load band. */
  readonly optimal: boolean;
  /**
   * LP dual price per judge, in affinity units: the certificate behind `optimal`. By weak duality, for ANY prices
   * p the value Σ_j limit_j·p_j + Σ_e (sum of the entry's `needed` largest `affinity − p_j` over its eligible
   * judges) is an upper bound on the automatic assignments' total affinity, with limit_j the judge's remaining
   * room up to `loadBand.max` when p_j ≥ 0 and up to `loadBand.min` when p_j < 0. With these prices the bound
   * meets the total (up to 1e-6 rounding per review), so anyone can audit the optimum without trusting the solver.
   */
  readonly judgePrices: ReadonlyMap<string, number>;
  readonly stats: {
    readonly solver: 'candidate-graph' | 'exact';
    /** Entry–judge arcs the solver considered in its final round. */
    readonly arcs: number;
    readonly rounds: number;
  };
}
