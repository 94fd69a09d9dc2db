import type { CareerStage } from '@praxis/contracts';
import type { ExistingRelationship } from '../lib/formal-matching';
import { MENTORING_FORMATS, type MenteeMatchProfile, type MentorMatchProfile } from '../lib/match-score';
import { seededRandom } from '@praxis/platform/testing';

/**
 * Seeded synthetic cohorts for specs and the matching benchmark; not part of the public API. Proportions are
 * plausible for a medical-education community (many students and juniors looking, consultants and academics
 * offering), so the matching meets the contention it will meet in production.
 */

const SPECIALTIES = [
  'General Medicine',
  'General Surgery',
  'Paediatrics',
  'Psychiatry',
  'Emergency Medicine',
  'Anaesthetics',
  'Obstetrics and Gynaecology',
  'General Practice',
  'Radiology',
  'Pathology',
  'Cardiology',
  'Oncology',
  'Neurology',
  'Orthopaedics',
  'Intensive Care',
  'Geriatrics',
  'Dermatology',
  'Ophthalmology',
  'Public Health',
  'Infectious Diseases',
];

const TOPICS = [
  'simulation',
  'assessment',
  'curriculum design',
  'feedback',
  'quality improvement',
  'research methods',
  'leadership',
  'wellbeing',
  'career planning',
  'bedside teaching',
  'clinical reasoning',
  'medical humanities',
  'patient safety',
  'interprofessional education',
  'global health',
  'digital education',
  'ethics',
  'communication skills',
  'widening participation',
  'faculty development',
  'qualitative research',
  'statistics',
  'systematic reviews',
  'point of care ultrasound',
  'exam preparation',
  'portfolio',
  'teaching qualification',
  'publishing',
  'grant writing',
  'work-life balance',
  'less-than-full-time training',
  'academic careers',
  'surgical skills',
  'procedural skills',
  'near-peer teaching',
  'reflective practice',
  'resilience',
  'equality and diversity',
  'sustainability in healthcare',
  'health policy',
];

const GOALS = [
  'publishing',
  'academic careers',
  'teaching qualification',
  'exam preparation',
  'leadership',
  'career planning',
  'grant writing',
  'portfolio',
  'research methods',
  'work-life balance',
  'first conference abstract',
  'specialty application',
];

type Weighted<T> = readonly (readonly [T, number])[];

const MENTEE_STAGES: Weighted<CareerStage> = [
  ['MEDICAL_STUDENT', 35],
  ['FOUNDATION_DOCTOR', 25],
  ['RESIDENT', 25],
  ['ALLIED_HEALTH', 8],
  ['CONSULTANT', 5],
  ['OTHER', 2],
];
const MENTOR_STAGES: Weighted<CareerStage> = [
  ['CONSULTANT', 40],
  ['RESIDENT', 25],
  ['ACADEMIC', 20],
  ['ALLIED_HEALTH', 10],
  ['FOUNDATION_DOCTOR', 5],
];
const TAKEN_STAGES: Weighted<CareerStage> = [
  ['MEDICAL_STUDENT', 40],
  ['FOUNDATION_DOCTOR', 30],
  ['RESIDENT', 20],
  ['ALLIED_HEALTH', 10],
];

export interface MatchingInstance {
  readonly mentees: MenteeMatchProfile[];
  readonly mentors: MentorMatchProfile[];
  readonly existingRelationships: ExistingRelationship[];
}

export interface MatchingInstanceShape {
  readonly mentees: number;
  readonly mentors: number;
  readonly minCapacity?: number;
  readonly maxCapacity?: number;
}

export function generateMatchingInstance(seed: number, shape: MatchingInstanceShape): MatchingInstance {
  const random = seededRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const chance = (p: number): boolean => random() < p;
  const weighted = <T>(options: Weighted<T>): T => {
    const total = options.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = random() * total;
    for (const [value, weight] of options) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return options[options.length - 1][0];
  };
  // Zipf-like popularity: a few topics (simulation, assessment) are on everyone's list.
  const topic = (): string => TOPICS[Math.floor(TOPICS.length * random() ** 1.7)];
  const distinct = <T>(count: number, draw: () => T): T[] => {
    const picked = new Set<T>();
    for (let guard = 0; picked.size < count && guard < count * 10; guard += 1) picked.add(draw());
    return [...picked];
  };
  const institutions = Array.from({ length: 40 }, (_, k) => `inst-${String(k).padStart(3, '0')}`);
  const institution = (): string | null =>
    chance(0.05) ? null : institutions[int(0, institutions.length - 1)];
  const specialty = (): string => SPECIALTIES[Math.floor(SPECIALTIES.length * random() ** 1.3)];
  const id = (prefix: string, k: number): string => `${prefix}-${seed}-${String(k).padStart(6, '0')}`;

  const mentors: MentorMatchProfile[] = Array.from({ length: shape.mentors }, (_, k) => {
    const capacity = int(shape.minCapacity ?? 1, shape.maxCapacity ?? 8);
    const careerStage = weighted(MENTOR_STAGES);
    return {
      memberId: id('mentor', k),
      careerStage,
      institutionId: institution(),
      specialty: careerStage === 'ALLIED_HEALTH' && chance(0.5) ? null : specialty(),
      expertise: distinct(int(2, 5), topic),
      interests: distinct(int(1, 4), topic),
      menteeStages: chance(0.4) ? [] : distinct(int(1, 3), () => weighted(TAKEN_STAGES)),
      capacity,
      activeMentees: chance(0.25) ? int(0, capacity) : 0,
      paused: chance(0.05),
      acceptsDirectRequests: chance(0.8),
      formats: distinct(int(1, 3), () => MENTORING_FORMATS[int(0, MENTORING_FORMATS.length - 1)]),
    };
  });

  const menteeIds = new Set<string>();
  const mentees: MenteeMatchProfile[] = Array.from({ length: shape.mentees }, (_, k) => {
    const careerStage = weighted(MENTEE_STAGES);
    // Some residents mentor students while being mentored themselves, so self-pairs must be excluded.
    const alsoMentor =
      careerStage === 'RESIDENT' && chance(0.2) && mentors.length > 0
        ? mentors[int(0, mentors.length - 1)].memberId
        : null;
    const memberId = alsoMentor !== null && !menteeIds.has(alsoMentor) ? alsoMentor : id('mentee', k);
    menteeIds.add(memberId);
    return {
      memberId,
      careerStage,
      institutionId: institution(),
      specialty: careerStage === 'MEDICAL_STUDENT' && chance(0.6) ? null : specialty(),
      interests: distinct(int(2, 5), topic),
      goals: distinct(int(1, 3), () => (chance(0.7) ? GOALS[int(0, GOALS.length - 1)] : topic())),
      preferredMentorStages: chance(0.6) ? [] : distinct(int(1, 2), () => weighted(MENTOR_STAGES)),
      preferOtherInstitution: chance(0.3),
    };
  });

  const existingRelationships: ExistingRelationship[] = [];
  for (const mentee of mentees) {
    if (mentors.length > 0 && chance(0.05)) {
      existingRelationships.push({
        menteeId: mentee.memberId,
        mentorId: mentors[int(0, mentors.length - 1)].memberId,
      });
    }
  }
  return { mentees, mentors, existingRelationships };
}

export { seededRandom };
