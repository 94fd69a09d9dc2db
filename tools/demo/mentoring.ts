import { eventually, inParallel, type DemoSession } from './client';
import type { DemoMentorship, DemoPerson } from './plan';
import type { DemoProgress } from './progress';

export interface DemoMentorshipSummary {
  pairs: number;
  mentors: number;
  mastermind: { id: string; name: string; size: number; tags: string[] };
  workshop: { id: string; title: string; startsAt: string; enrolled: number; waitlisted: number };
}

const MENTOR_PROFILE = `mutation DemoMentorProfile($input: MentorProfileInput!) { upsertMentorProfile(input: $input) { capacity } }`;
const MENTEE_PROFILE = `mutation DemoMenteeProfile($input: MenteeProfileInput!) { upsertMenteeProfile(input: $input) { goals } }`;
const REQUEST_MENTOR = `mutation DemoRequestMentor($input: RequestMentorInput!) { requestMentor(input: $input) { id } }`;
const RESPOND = `mutation DemoRespond($id: ID!, $message: String) {
  respondToRequest(id: $id, accept: true, message: $message) { status }
}`;
const CREATE_GROUP = `mutation DemoMastermind($input: CreateMastermindGroupInput!) {
  createMastermindGroup(input: $input) { id name size tags }
}`;
const CREATE_WORKSHOP = `mutation DemoWorkshop($input: CreateWorkshopInput!) {
  createCoachingWorkshop(input: $input) { id title startsAt }
}`;
const ENROL = `mutation DemoEnrol($id: ID!) { enrolInWorkshop(id: $id) { status } }`;

const DAY = 86_400_000;

/**
 * Mentorship as its people would do it, on the real clock (after the series): mentors fill in their profiles and
 * accept the requests their planned mentees send; the admin forms the Mastermind group and schedules the
 * workshop for its coach; students enrol one at a time, so the first 5 get places and the rest wait in order.
 * Mentorship learns members and roles from membership's events, so the first call for each person retries
 * until they have arrived.
 */
export async function loadMentorship(
  plan: DemoMentorship,
  people: { admin: DemoSession; session: (key: string) => DemoSession; person: (key: string) => DemoPerson },
  progress: DemoProgress,
): Promise<DemoMentorshipSummary> {
  const { admin, session, person } = people;
  const mentorKeys = [...new Set(plan.pairs.map((pair) => pair.mentor))];
  await progress.step('Mentor profiles', mentorKeys.length, (tick) =>
    inParallel(mentorKeys, 2, async (key) => {
      await eventually(`${key}'s mentor profile`, () =>
        session(key).request(MENTOR_PROFILE, {
          input: {
            capacity: plan.mentorCapacity,
            interests: person(key).interests,
            expertise: person(key).specialty ? [person(key).specialty] : [],
          },
        }),
      );
      tick();
    }),
  );
  await progress.step('Mentoring pairs', plan.pairs.length, (tick) =>
    inParallel(plan.pairs, 2, async ({ mentor, mentee }) => {
      await eventually(`${mentee}'s mentee profile`, () =>
        session(mentee).request(MENTEE_PROFILE, {
          input: { goals: ['Start a first research project in medical education'] },
        }),
      );
      const { requestMentor } = await session(mentee).request<{ requestMentor: { id: string } }>(
        REQUEST_MENTOR,
        {
          input: {
            mentorId: session(mentor).memberId,
            message: 'I met you through the masterclasses and would value your guidance on a first project.',
          },
        },
      );
      await session(mentor).request(RESPOND, {
        id: requestMentor.id,
        message: 'Happy to: let us meet monthly.',
      });
      tick();
    }),
  );

  const group = plan.mastermind;
  const { createMastermindGroup } = await progress.step('Mastermind group', 1, async (tick) => {
    const formed = await eventually('form the Mastermind group', () =>
      admin.request<{ createMastermindGroup: DemoMentorshipSummary['mastermind'] }>(CREATE_GROUP, {
        input: {
          name: group.name,
          facilitatorId: session(group.facilitator).memberId,
          memberIds: group.members.map((key) => session(key).memberId),
          tags: group.tags,
        },
      }),
    );
    tick();
    return formed;
  });

  const workshop = plan.workshop;
  // two weeks ahead at 18:00 UTC; the coach graduated two years ago (near-peer: within 5)
  const startsAt = new Date(Math.ceil((Date.now() + 14 * DAY) / DAY) * DAY + 18 * 3_600_000);
  const { createCoachingWorkshop } = await eventually('schedule the coaching workshop', () =>
    admin.request<{ createCoachingWorkshop: { id: string; title: string; startsAt: string } }>(
      CREATE_WORKSHOP,
      {
        input: {
          coachId: session(workshop.coach).memberId,
          coachGraduationYear: new Date().getUTCFullYear() - 2,
          title: workshop.title,
          startsAt: startsAt.toISOString(),
          capacity: workshop.capacity,
        },
      },
    ),
  );
  const statuses = await progress.step('Workshop enrolments', workshop.students.length, (tick) =>
    // one at a time: places go in the planned order
    inParallel(workshop.students, 1, async (key) => {
      const { enrolInWorkshop } = await eventually(`${key} enrols`, () =>
        session(key).request<{ enrolInWorkshop: { status: string } }>(ENROL, {
          id: createCoachingWorkshop.id,
        }),
      );
      tick();
      return enrolInWorkshop.status;
    }),
  );

  return {
    pairs: plan.pairs.length,
    mentors: mentorKeys.length,
    mastermind: createMastermindGroup,
    workshop: {
      ...createCoachingWorkshop,
      enrolled: statuses.filter((status) => status === 'ENROLLED').length,
      waitlisted: statuses.filter((status) => status === 'WAITLISTED').length,
    },
  };
}
