import { CommunityDomainError, CommunityErrorCode } from '../community.exception';

/**
 * Where an application stands. Selected applicants hold their place (ACCEPTED) until they decline or cancel;
 * a place that frees up is OFFERED to the next on the waitlist with a deadline to confirm, and lapses (EXPIRED)
 * if not confirmed in time.
 */
export const APPLICATION_STATUSES = [
  'SUBMITTED',
  'ACCEPTED',
  'WAITLISTED',
  'OFFERED',
  'DECLINED',
  'CANCELLED',
  'EXPIRED',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type ApplicantAction = 'CONFIRM' | 'DECLINE' | 'CANCEL';

const ALLOWED_FROM: Readonly<Record<ApplicantAction, readonly ApplicationStatus[]>> = {
  CONFIRM: ['OFFERED'],
  DECLINE: ['OFFERED', 'ACCEPTED'],
  CANCEL: ['SUBMITTED', 'WAITLISTED', 'OFFERED', 'ACCEPTED'],
};

const RESULT: Readonly<Record<ApplicantAction, ApplicationStatus>> = {
  CONFIRM: 'ACCEPTED',
  DECLINE: 'DECLINED',
  CANCEL: 'CANCELLED',
};

/** Three days to confirm: long enough to check a rota, short enough that the next person still can plan. */
export const DEFAULT_CONFIRMATION_HOURS = 72;

export interface PlaceState {
  readonly applicationId: string;
  readonly status: ApplicationStatus;
  /** 1-based order on the waitlist; `null` when not waitlisted. */
  readonly waitlistPosition: number | null;
  readonly offerExpiresAt: Date | null;
}

/** An applicant's (or an organiser's cancelling) decision; confirming after the deadline is refused. */
export function applyApplicantAction(
  place: PlaceState,
  action: ApplicantAction,
  now: Date,
): ApplicationStatus {
  if (!ALLOWED_FROM[action].includes(place.status)) {
    throw new CommunityDomainError(
      CommunityErrorCode.ILLEGAL_APPLICATION_TRANSITION,
      `Cannot ${action.toLowerCase()} an application that is ${place.status}`,
      { applicationId: place.applicationId, action, status: place.status },
    );
  }
  if (
    action === 'CONFIRM' &&
    place.offerExpiresAt !== null &&
    now.getTime() >= place.offerExpiresAt.getTime()
  ) {
    throw new CommunityDomainError(
      CommunityErrorCode.OFFER_EXPIRED,
      `The offer expired at ${place.offerExpiresAt.toISOString()}`,
      { applicationId: place.applicationId, expiredAt: place.offerExpiresAt.toISOString() },
    );
  }
  return RESULT[action];
}

export interface VacancyPlan {
  /** Offers whose deadline has passed: mark EXPIRED. */
  readonly expired: readonly string[];
  /** Waitlisted applicants to move to OFFERED, in waitlist order. */
  readonly offers: ReadonlyArray<{ readonly applicationId: string; readonly expiresAt: Date }>;
}

/**
 * What to do now so that every free place is held or on offer: expire lapsed offers, then offer each free
 * place to the next on the waitlist. Idempotent (running it again with the updated states plans nothing), so
 * the service runs it after every decline or cancellation and from the scheduler for expiries. The deadline
 * never runs past `latestDeadline` (the first session), and no offers are made once that has passed.
 */
export function planVacancies(
  places: readonly PlaceState[],
  capacity: number,
  now: Date,
  latestDeadline: Date,
  confirmationHours = DEFAULT_CONFIRMATION_HOURS,
): VacancyPlan {
  const expired = places
    .filter(
      (place) =>
        place.status === 'OFFERED' &&
        place.offerExpiresAt !== null &&
        now.getTime() >= place.offerExpiresAt.getTime(),
    )
    .map((place) => place.applicationId);
  const lapsed = new Set(expired);
  const held = places.filter(
    (place) =>
      place.status === 'ACCEPTED' || (place.status === 'OFFERED' && !lapsed.has(place.applicationId)),
  ).length;
  const free = Math.max(0, capacity - held);
  if (free === 0 || now.getTime() >= latestDeadline.getTime()) return { expired, offers: [] };
  const expiresAt = new Date(
    Math.min(now.getTime() + confirmationHours * 3_600_000, latestDeadline.getTime()),
  );
  const offers = places
    .filter((place) => place.status === 'WAITLISTED')
    .sort((a, b) => (a.waitlistPosition ?? Infinity) - (b.waitlistPosition ?? Infinity))
    .slice(0, free)
    .map((place) => ({ applicationId: place.applicationId, expiresAt }));
  return { expired, offers };
}
