import { CommunityErrorCode } from '../community.exception';
import { refusalOf } from '../testing/refusal';
import { applyApplicantAction, planVacancies, type PlaceState } from './waitlist';

const NOW = new Date('2026-02-01T12:00:00Z');
const FIRST_SESSION = new Date('2026-03-01T13:00:00Z');
const place = (
  applicationId: string,
  status: PlaceState['status'],
  extra: Partial<PlaceState> = {},
): PlaceState => ({
  applicationId,
  status,
  waitlistPosition: null,
  offerExpiresAt: null,
  ...extra,
});

describe('waitlist promotion', () => {
  const waitlist = [
    place('w3', 'WAITLISTED', { waitlistPosition: 3 }),
    place('w1', 'WAITLISTED', { waitlistPosition: 1 }),
    place('w2', 'WAITLISTED', { waitlistPosition: 2 }),
  ];

  it('offers a declined place to the next on the waitlist with a 72-hour deadline', () => {
    const places = [place('a', 'ACCEPTED'), place('b', 'DECLINED'), ...waitlist];
    expect(planVacancies(places, 2, NOW, FIRST_SESSION)).toEqual({
      expired: [],
      offers: [{ applicationId: 'w1', expiresAt: new Date('2026-02-04T12:00:00Z') }],
    });
  });

  it('plans nothing more once the offer is out (idempotent)', () => {
    const places = [
      place('a', 'ACCEPTED'),
      place('w1', 'OFFERED', { offerExpiresAt: new Date('2026-02-04T12:00:00Z') }),
      ...waitlist.slice(0, 1),
      waitlist[2],
    ];
    expect(planVacancies(places, 2, NOW, FIRST_SESSION)).toEqual({ expired: [], offers: [] });
  });

  it('expires a lapsed offer and passes the place on in the same plan', () => {
    const places = [
      place('a', 'ACCEPTED'),
      place('w1', 'OFFERED', { offerExpiresAt: new Date('2026-02-01T12:00:00Z') }),
      waitlist[0],
      waitlist[2],
    ];
    expect(planVacancies(places, 2, NOW, FIRST_SESSION)).toMatchObject({
      expired: ['w1'],
      offers: [{ applicationId: 'w2' }],
    });
  });

  it('fills several free places in waitlist order', () => {
    const places = [place('a', 'CANCELLED'), place('b', 'DECLINED'), ...waitlist];
    expect(planVacancies(places, 2, NOW, FIRST_SESSION).offers.map((offer) => offer.applicationId)).toEqual([
      'w1',
      'w2',
    ]);
  });

  it('never sets a deadline after the first session and makes no offers once it has started', () => {
    const soon = new Date('2026-02-02T09:00:00Z');
    expect(planVacancies([...waitlist], 1, NOW, soon).offers).toEqual([
      { applicationId: 'w1', expiresAt: soon },
    ]);
    expect(planVacancies([...waitlist], 1, soon, soon).offers).toEqual([]);
  });

  it('lets the offered applicant confirm before the deadline and not after', () => {
    const offered = place('w1', 'OFFERED', { offerExpiresAt: new Date('2026-02-04T12:00:00Z') });
    expect(applyApplicantAction(offered, 'CONFIRM', NOW)).toBe('ACCEPTED');
    expect(
      refusalOf(() => applyApplicantAction(offered, 'CONFIRM', new Date('2026-02-04T12:00:00Z'))).code,
    ).toBe(CommunityErrorCode.OFFER_EXPIRED);
  });

  it('allows decline and cancel only from the states that hold or await a place', () => {
    expect(applyApplicantAction(place('a', 'ACCEPTED'), 'DECLINE', NOW)).toBe('DECLINED');
    expect(applyApplicantAction(place('w', 'WAITLISTED'), 'CANCEL', NOW)).toBe('CANCELLED');
    expect(refusalOf(() => applyApplicantAction(place('a', 'ACCEPTED'), 'CONFIRM', NOW)).code).toBe(
      CommunityErrorCode.ILLEGAL_APPLICATION_TRANSITION,
    );
    expect(refusalOf(() => applyApplicantAction(place('a', 'DECLINED'), 'CANCEL', NOW)).code).toBe(
      CommunityErrorCode.ILLEGAL_APPLICATION_TRANSITION,
    );
    expect(refusalOf(() => applyApplicantAction(place('a', 'WAITLISTED'), 'DECLINE', NOW)).code).toBe(
      CommunityErrorCode.ILLEGAL_APPLICATION_TRANSITION,
    );
  });
});
