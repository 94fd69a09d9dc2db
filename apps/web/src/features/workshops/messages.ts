import type { EnrolmentStatus } from '../../gql/graphql';

/** Coaching workshops: a junior resident coaches up to five students for about two hours. */
export const workshopMessages = {
  nav: 'Coaching workshops',
  title: 'Coaching workshops',
  intro:
    'Small workshops where a junior resident coaches up to five students for about two hours. When a workshop is full you join its waiting list and move up as places free.',
  none: 'No workshop is coming up.',
  coach: (name: string) => `Coach: ${name}`,
  when: (start: string, minutes: number) => `${start} · ${minutes} minutes`,
  places: (enrolled: number, capacity: number) => `${enrolled} of ${capacity} places taken`,
  waiting: (count: number) => `${count} waiting`,
  status: { ENROLLED: 'You are enrolled', WAITLISTED: 'On the waiting list' } satisfies Record<
    EnrolmentStatus,
    string
  >,
  position: (position: number) => `number ${position}`,
  enrol: 'Enrol',
  joinWaitlist: 'Join the waiting list',
  leave: 'Leave the workshop',
  leaveWaitlist: 'Leave the waiting list',
  enrolled: 'You are enrolled.',
  waitlisted: (position: number) => `The workshop is full: you are number ${position} on the waiting list.`,
  left: 'You left. If someone was waiting, they have your place.',
  held: 'Held',
  open: 'Open',
  forStages: (stages: string) => `For: ${stages}`,
  back: 'Back to workshops',
  coachView: 'Your students (coach’s view)',
  noEnrolments: 'Nobody has enrolled yet.',
  markHeld: 'Mark the workshop held',
  markedHeld: 'Marked held.',
} as const;
