import { OUTPUT_KINDS } from '@praxis/contracts';
import { throwIfInvalid, type FieldError } from '../funding.exception';

// the closed list travels on funding's events, so the contracts hold it
export { OUTPUT_KINDS } from '@praxis/contracts';
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export const OUTPUT_TITLE_MAX_LENGTH = 300;
export const REPORT_SECTION_MAX_LENGTH = 10_000;

export interface OutputInput {
  readonly kind: string;
  readonly title: string;
  /** A DOI (bare, `doi:` or https://doi.org/…) for papers and datasets, otherwise any https link. */
  readonly link: string;
}

export interface AwardOutput {
  readonly kind: OutputKind;
  readonly title: string;
  /** Papers and datasets: the DOI in lower case, e.g. `10.1111/medu.12345`; `null` for other kinds. */
  readonly doi: string | null;
  /** Always a resolvable https link (https://doi.org/… for a DOI). */
  readonly url: string;
}

const DOI = /^10\.\d{4,9}\/\S+$/;

/** Accepts the spellings people paste: `10.x/y`, `doi:10.x/y`, `https://doi.org/10.x/y`, `http://dx.doi.org/…`. */
export function normaliseDoi(input: string): string | null {
  const text = input
    .trim()
    .replace(/^doi:\s*/i, '')
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, '');
  // DOIs are case-insensitive by definition; lower case makes duplicates visible.
  return DOI.test(text) ? text.toLowerCase() : null;
}

function httpsUrl(input: string): string | null {
  try {
    const url = new URL(input.trim());
    return url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * Papers and datasets must have a DOI (that is how others find and cite them); other outputs need an https
 * link. Every problem is reported at once with its field.
 */
export function validateOutput(input: OutputInput): AwardOutput {
  const errors: FieldError[] = [];
  const kindKnown = (OUTPUT_KINDS as readonly string[]).includes(input.kind);
  if (!kindKnown) errors.push({ field: 'kind', message: `must be one of ${OUTPUT_KINDS.join(', ')}` });
  const title = input.title.trim();
  if (title.length === 0 || title.length > OUTPUT_TITLE_MAX_LENGTH) {
    errors.push({ field: 'title', message: `must be 1 to ${OUTPUT_TITLE_MAX_LENGTH} characters` });
  }
  const needsDoi = input.kind === 'PAPER' || input.kind === 'DATASET';
  const doi = needsDoi ? normaliseDoi(input.link) : null;
  const url = needsDoi ? (doi === null ? null : `https://doi.org/${doi}`) : httpsUrl(input.link);
  if (kindKnown && url === null) {
    errors.push({
      field: 'link',
      message: needsDoi ? 'must be a DOI such as 10.1111/medu.12345' : 'must be an https:// link',
    });
  }
  throwIfInvalid(errors);
  return { kind: input.kind as OutputKind, title, doi, url: url as string };
}

export interface ProgressReportInput {
  readonly progress: string;
  readonly problems: string;
  readonly nextSteps: string;
}

/** Progress is required; problems and next steps may be empty (a final report may have none). */
export function validateProgressReport(input: ProgressReportInput): ProgressReportInput {
  const report = {
    progress: input.progress.trim(),
    problems: input.problems.trim(),
    nextSteps: input.nextSteps.trim(),
  };
  const errors: FieldError[] = [];
  if (report.progress.length === 0) errors.push({ field: 'progress', message: 'must not be empty' });
  for (const field of ['progress', 'problems', 'nextSteps'] as const) {
    if (report[field].length > REPORT_SECTION_MAX_LENGTH) {
      errors.push({ field, message: `must be at most ${REPORT_SECTION_MAX_LENGTH} characters` });
    }
  }
  throwIfInvalid(errors);
  return report;
}
