import { eventually, type DemoSession } from './client';
import type { ServiceClock } from './clock';
import type { DemoProgress } from './progress';

export interface DemoAtRiskSummary {
  /** The winner whose protected time the weekly check flagged, and their project. */
  member: string;
  memberId: string;
  project: string;
  /** The protected hours a week their institution released for the award. */
  weeklyHours: number;
  /** The ISO week whose completion started the episode, as funding lists it. */
  episodeStartedWeek: string;
  /** The complete weeks the check judged: what was protected and what was logged. */
  weeks: Array<{ week: string; allocatedHours: number; loggedHours: number }>;
  /** The lead who approved the time and sees the flag (their institution's member). */
  leadEmail: string;
}

const GRANT = `mutation DemoGrantLead($memberId: ID!, $institutionId: ID) {
  grantRole(memberId: $memberId, role: LEAD, institutionId: $institutionId) { id }
}`;
const TO_APPROVE = `query DemoTimeToApprove {
  protectedTimeToApprove(first: 100) { edges { node { id awardId member { id } weeklyHours from } } }
}`;
const APPROVE = `mutation DemoApproveTime($id: ID!) { approveProtectedTime(allocationId: $id) { status } }`;
const LOG = `mutation DemoLogTime($input: LogTimeInput!) { logTime(input: $input) { id } }`;
const AT_RISK = `query DemoAtRisk { atRiskMembers(first: 100) { edges { node { member { id } episodeStartedWeek } } } }`;
const UTILISATION = `query DemoUtilisation($memberId: ID!, $from: String!, $to: String!) {
  memberUtilisation(memberId: $memberId, from: $from, to: $to) {
    atRisk weeks { week allocatedHours loggedHours complete }
  }
}`;

const DAY = 86_400_000;

/** The Monday (UTC) of the week holding `day` (YYYY-MM-DD). */
export function mondayOf(day: string): Date {
  const at = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(at).getUTCDay() + 6) % 7;
  return new Date(at - weekday * DAY);
}

const isoDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

/**
 * The instants the demo moves funding's clock to, from the first day of the protected time: an hour before the
 * Monday 06:00 UTC tick that completes its third week (the member logs the little they did by then; the
 * scheduler runs the earlier Monday's check, which finds two low weeks: not yet at risk), then 30 s after that
 * tick, which the scheduler runs (once, on one replica, under the job's lock) and which flags the member.
 */
export function atRiskTimeline(fromDay: string): {
  beforeCheck: Date;
  afterCheck: Date;
  weeks: { from: string; to: string };
  logDays: string[];
} {
  const first = mondayOf(fromDay).getTime();
  const tick = first + 21 * DAY + 6 * 3_600_000;
  return {
    beforeCheck: new Date(tick - 3_600_000),
    afterCheck: new Date(tick + 30_000),
    weeks: { from: isoDay(first), to: isoDay(first + 20 * DAY) },
    // Wednesdays of the second and third weeks: inside the 14 days a time log may be written for
    logDays: [isoDay(first + 9 * DAY), isoDay(first + 16 * DAY)],
  };
}

/**
 * Protected time at risk, as a lead meets it: the first winner's institution releases the hours their award asked
 * for (the demo's lead, made a lead of that school too, approves them), the winner logs a quarter of an hour in
 * two of the first three weeks, and funding's weekly check, run by its scheduler at funding's test clock three
 * Mondays on, finds three weeks below the threshold and flags them AT_RISK. The clock then goes back to now; the
 * flag stays. Null without funding's test clock (the check runs only on Mondays).
 */
export async function loadAtRisk(
  clock: ServiceClock,
  people: {
    admin: DemoSession;
    lead: { session: DemoSession; email: string; institutionId: string };
    winner: { session: DemoSession; name: string; institutionId: string; awardId: string; project: string };
  },
  progress: DemoProgress,
): Promise<DemoAtRiskSummary> {
  const { admin, lead, winner } = people;
  return progress.step('Protected time at risk', 4, async (tick) => {
    if (lead.institutionId !== winner.institutionId) {
      await admin.request(GRANT, { memberId: lead.session.memberId, institutionId: winner.institutionId });
    }
    // funding learns the role from membership's event: the allocation shows in the lead's queue once it has
    const allocation = await eventually('the winner’s protected time reaches the lead’s queue', async () => {
      const { protectedTimeToApprove } = await lead.session.request<{
        protectedTimeToApprove: {
          edges: Array<{
            node: { id: string; awardId: string; member: { id: string }; weeklyHours: number; from: string };
          }>;
        };
      }>(TO_APPROVE);
      const found = protectedTimeToApprove.edges
        .map((edge) => edge.node)
        .find((node) => node.awardId === winner.awardId && node.member.id === winner.session.memberId);
      if (!found) throw new Error('not yet');
      return found;
    });
    await lead.session.request(APPROVE, { id: allocation.id });
    tick();

    const timeline = atRiskTimeline(allocation.from);
    try {
      await clock.set(timeline.beforeCheck);
      // a quarter of an hour where that is under half the week's protected time (else nothing): a week the
      // clinical rota ate
      if (allocation.weeklyHours > 0.5) {
        for (const date of timeline.logDays) {
          await winner.session.request(LOG, {
            input: { date, hours: 0.25, activity: 'RESEARCH', note: 'Read two papers between clinics' },
          });
        }
      }
      tick();
      await clock.set(timeline.afterCheck);
      const flagged = await eventually('funding’s weekly check flags the winner', async () => {
        const { atRiskMembers } = await lead.session.request<{
          atRiskMembers: { edges: Array<{ node: { member: { id: string }; episodeStartedWeek: string } }> };
        }>(AT_RISK);
        const found = atRiskMembers.edges.find((edge) => edge.node.member.id === winner.session.memberId);
        if (!found) throw new Error('not yet');
        return found.node;
      });
      tick();
      const { memberUtilisation } = await lead.session.request<{
        memberUtilisation: {
          weeks: Array<{ week: string; allocatedHours: number; loggedHours: number; complete: boolean }>;
        };
      }>(UTILISATION, { memberId: winner.session.memberId, ...timeline.weeks });
      tick();
      return {
        member: winner.name,
        memberId: winner.session.memberId,
        project: winner.project,
        weeklyHours: allocation.weeklyHours,
        episodeStartedWeek: flagged.episodeStartedWeek,
        weeks: memberUtilisation.weeks
          .filter((week) => week.complete)
          .map(({ week, allocatedHours, loggedHours }) => ({ week, allocatedHours, loggedHours })),
        leadEmail: lead.email,
      };
    } finally {
      await clock.set(null);
    }
  });
}
