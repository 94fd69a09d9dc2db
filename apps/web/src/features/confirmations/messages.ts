/** Every visible string of the confirmations page (leads and admins), ready for translation. */
export const confirmationMessages = {
  nav: 'Confirmations',
  title: 'Confirmations',
  intro:
    'A new member’s institution and career stage, and later changes to them, count only once a lead of the ' +
    'institution or an administrator confirms them. Confirm what you can vouch for; a rejection keeps its reason, ' +
    'which the member sees.',
  refresh: 'Show the latest',
  registrations: 'New members',
  noRegistrations: 'No new member waits for a confirmation.',
  institutionChanges: 'Institution moves',
  noInstitutionChanges: 'No institution move waits for a confirmation.',
  careerStageChanges: 'Career stage changes',
  noCareerStageChanges: 'No career stage change waits for a confirmation.',
  registered: (institution: string, stage: string) => `Registered at ${institution} as ${stage}`,
  moves: (from: string, to: string) => `Moves from ${from} to ${to}`,
  changesStage: (from: string, to: string) => `Changes career stage from ${from} to ${to}`,
  requestedAt: (when: string) => `Asked on ${when}`,
  confirm: 'Confirm',
  reject: 'Reject…',
  rejectNamed: (name: string) => `Reject ${name}’s request`,
  confirmNamed: (name: string) => `Confirm ${name}’s request`,
  reason: 'Reason (the member sees it)',
  reasonHint: 'Up to 500 characters, e.g. “Not a member of staff here”.',
  reasonRequired: 'Say why you reject it, in up to 500 characters',
  sendRejection: 'Reject',
  cancel: 'Cancel',
  status: { PENDING: 'Waiting', CONFIRMED: 'Confirmed', REJECTED: 'Rejected', WITHDRAWN: 'Withdrawn' },
  confirmed: (name: string) => `${name}’s request is confirmed.`,
  rejected: (name: string) => `${name}’s request is rejected.`,
  rejectedBecause: (reason: string) => `Reason: ${reason}`,
} as const;
