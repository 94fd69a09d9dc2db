/** The profile page's text. */
export const profileMessages = {
  title: 'Your profile',
  intro:
    'Your name, career stage, institution, specialty and interests are visible to other members; your e-mail only to you, leads of your institution and administrators.',
  email: 'E-mail address',
  joined: 'Member since',
  roles: 'Roles',
  edit: 'Edit your profile',
  displayName: 'Your name',
  careerStage: 'Career stage',
  institution: 'Institution',
  specialty: 'Specialty',
  specialtyHint: 'Public: other members see it, and it helps suggest mentors.',
  interests: 'Research interests',
  interestsHint: 'Press Enter after each one.',
  save: 'Save changes',
  saved: 'Your profile is saved.',
  required: 'Required',
  demographicsLink: 'Voluntary equality questions',
  noInstitutions: 'No institution has that in its name.',
  institutionHint:
    'Moving to another institution needs confirmation by one of its leads or an administrator; until then you stay where you are.',
  careerStageHint:
    'A new career stage needs confirmation by a lead of your institution or an administrator; until then your current one counts.',
  pendingStage: (stage: string) => `Your change of career stage to ${stage} waits for confirmation.`,
  rejectedStage: (stage: string, reason: string | null) =>
    `Your change of career stage to ${stage} was not confirmed${reason ? `: ${reason}` : '.'}`,
  pendingMove: (name: string) => `Your move to ${name} waits for confirmation.`,
  unconfirmed:
    'Your institution and career stage wait for confirmation by a lead of your institution or an administrator; until then they do not count for competitions that ask for them. Everything else is yours to use.',
  rejectedRegistration: (reason: string | null) =>
    `Your institution and career stage were not confirmed${reason ? `: ${reason}` : '.'} You can ask to move to your institution below.`,
  rejectedMove: (name: string, reason: string | null) =>
    `Your move to ${name} was not confirmed${reason ? `: ${reason}` : '.'}`,
} as const;
