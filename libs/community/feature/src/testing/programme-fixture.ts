import type { CommunityHarness } from './community-harness';

export const CREATE_PROGRAMME = `mutation($input: CreateProgrammeInput!) {
  createProgramme(input: $input) {
    id capacity selectionPolicy viewerIsOrganiser
    sessions { id position theme startsAt endsAt timeZone localStart joiningLink sessionCode speakers { name role } }
    reflectionQuestions { id prompt }
  }
}`;

export interface CreatedProgramme {
  id: string;
  sessions: Array<{
    id: string;
    startsAt: string;
    endsAt: string;
    sessionCode: string | null;
    joiningLink: string | null;
    localStart: string;
    timeZone: string;
  }>;
  reflectionQuestions: Array<{ id: string; prompt: string }>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A programme whose applications are open now (by the harness clock) and whose sessions start two days later,
 * one a week, each 4 hours in Europe/London (or `startInDays` later).
 */
export async function createProgramme(
  h: CommunityHarness,
  overrides: Record<string, unknown> = {},
  sessions = 3,
  startInDays = 2,
): Promise<CreatedProgramme> {
  const now = h.clock.now().getTime();
  const input = {
    title: 'Research in medical education',
    description: 'Seven half-day online sessions',
    audience: ['MEDICAL_STUDENT', 'FOUNDATION_DOCTOR'],
    capacity: 2,
    mode: 'ONLINE',
    applicationOpensAt: new Date(now - HOUR).toISOString(),
    applicationClosesAt: new Date(now + DAY).toISOString(),
    reflectionQuestions: ['What did you learn?', 'What will you do next?', 'What should change?'],
    sessions: Array.from({ length: sessions }, (_, index) => ({
      theme: `Theme ${index + 1}`,
      startsAt: new Date(now + startInDays * DAY + index * 7 * DAY).toISOString(),
      timeZone: 'Europe/London',
      durationMinutes: 240,
      joiningLink: `https://meet.example.org/s${index + 1}`,
      speakers: [{ name: `Speaker ${index + 1}`, role: 'Professor', gender: 'woman' }],
    })),
    ...overrides,
  };
  const data = await h.ok<{ createProgramme: CreatedProgramme }>(h.admin, CREATE_PROGRAMME, { input });
  return data.createProgramme;
}

export const APPLY = `mutation($id: ID!, $input: ApplyToProgrammeInput!) {
  applyToProgramme(programmeId: $id, input: $input) { id status waitlistPosition wideningParticipation { freeSchoolMeals disability } }
}`;
export const SELECT = `mutation($id: ID!, $policy: SelectionPolicy!, $seed: String) {
  selectApplicants(programmeId: $id, policy: $policy, seed: $seed) { seed accepted waitlisted programme { selectionPolicy } }
}`;
export const RESPOND = `mutation($id: ID!, $action: ApplicantAction!) { respondToPlace(applicationId: $id, action: $action) { id status offerExpiresAt } }`;
export const MY_APPLICATION = `query($id: ID!) { programme(id: $id) { myApplication { id status waitlistPosition offerExpiresAt wideningParticipation { freeSchoolMeals firstGenerationHigherEducation } } sessions { joiningLink sessionCode } } }`;

export async function apply(
  h: CommunityHarness,
  caller: { memberId: string },
  programmeId: string,
  wideningParticipation: Record<string, string> | null = null,
): Promise<{ id: string; status: string; waitlistPosition: number | null }> {
  const data = await h.ok<{
    applyToProgramme: { id: string; status: string; waitlistPosition: number | null };
  }>(caller, APPLY, {
    id: programmeId,
    input: { motivation: 'I want to learn research methods', wideningParticipation },
  });
  return data.applyToProgramme;
}
