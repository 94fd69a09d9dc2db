import { randomUUID } from 'node:crypto';
import type { Principal } from '@praxis/platform/auth';
import type { CreateCompetitionInput } from './proposals.objects';
import { startProposalsServices, type ProposalsServicesKit } from './testing/services-kit';

/**
 * A new member's institution and career stage are their own word until a lead or an admin confirms them
 * (membership's member events say which, the replica stores it): eligibility counts only confirmed ones, while a
 * judge's unconfirmed institution still conflicts with entries from it. Real PostgreSQL, the replica as
 * membership's events leave it.
 */
describe('unconfirmed institutions and career stages in proposals', () => {
  let kit: ProposalsServicesKit;

  beforeAll(async () => {
    kit = await startProposalsServices('proposals_unconfirmed');
  });

  afterAll(async () => {
    await kit?.close();
  });

  const member = (
    institutionId: string,
    confirmed: boolean,
    { roles = [] as Array<'judge'>, stage = 'MEDICAL_STUDENT' } = {},
  ): Promise<Principal> => kit.member({ institutionId, confirmed, roles, careerStage: stage });

  /** What the replica does with membership's `profile-updated` confirming the member's registration. */
  async function confirm(memberId: string): Promise<void> {
    await kit.dataSource.query(
      `UPDATE member_replica SET institution_confirmed = true, career_stage_confirmed = true WHERE member_id = $1`,
      [memberId],
    );
  }

  const openCompetition = (eligibility: CreateCompetitionInput['eligibility']) =>
    kit.openCompetition({ title: 'Confirmation call', eligibility });

  /** A draft by `lead` with `partner` invited and accepted: the draft itself concerns only the team. */
  async function teamDraft(competitionId: string, lead: Principal, partner: Principal) {
    const draft = await kit.draft(competitionId, lead, {
      title: 'Two schools',
      teamMemberIds: [partner.memberId],
    });
    await kit.proposals.answerInvitation(draft.id, true, partner);
    return draft;
  }

  const failedRules = (promise: Promise<unknown>) =>
    promise.then(
      () => [] as Array<{ rule: string; memberIds?: string[] }>,
      (error: { details?: { failures?: Array<{ rule: string; memberIds?: string[] }> } }) =>
        error.details?.failures ?? [{ rule: String(error) }],
    );

  it("does not count an unconfirmed member's institution toward an inter-institutional team until it is confirmed", async () => {
    const competition = await openCompetition({
      requiresInterInstitutionalTeam: true,
      maxTeamSize: 4,
      allowedCareerStages: [],
    });
    const lead = await member(randomUUID(), true);
    const newcomer = await member(randomUUID(), false);
    const draft = await teamDraft(competition.id, lead, newcomer);
    expect(await failedRules(kit.proposals.submit(draft.id, [], lead))).toEqual([
      expect.objectContaining({ rule: 'INTER_INSTITUTIONAL', memberIds: [newcomer.memberId] }),
    ]);
    await confirm(newcomer.memberId);
    expect(await kit.proposals.submit(draft.id, [], lead)).toMatchObject({ status: 'SUBMITTED' });
  });

  it('does not let an unconfirmed career stage meet a stage-limited competition until it is confirmed', async () => {
    const competition = await openCompetition({
      requiresInterInstitutionalTeam: false,
      maxTeamSize: 4,
      allowedCareerStages: ['MEDICAL_STUDENT'],
    });
    const newcomer = await member(randomUUID(), false);
    const draft = await kit.draft(competition.id, newcomer, { title: 'Solo' });
    expect(await failedRules(kit.proposals.submit(draft.id, [], newcomer))).toEqual([
      expect.objectContaining({ rule: 'CAREER_STAGE', memberIds: [newcomer.memberId] }),
    ]);
    await confirm(newcomer.memberId);
    expect(await kit.proposals.submit(draft.id, [], newcomer)).toMatchObject({ status: 'SUBMITTED' });
  });

  it("treats a judge's unconfirmed institution as conflicting with entries from it", async () => {
    const schoolA = randomUUID();
    const competition = await openCompetition({
      requiresInterInstitutionalTeam: false,
      maxTeamSize: 4,
      allowedCareerStages: [],
    });
    const applicant = await member(schoolA, true);
    const draft = await kit.draft(competition.id, applicant, { title: 'From school A' });
    await kit.proposals.submit(draft.id, [], applicant);
    await kit.startJudging(competition.id);
    const unconfirmedJudge = await member(schoolA, false, { roles: ['judge'], stage: 'CONSULTANT' });
    await kit.judging.addJudge(competition.id, unconfirmedJudge.memberId, kit.admin.memberId);
    await expect(
      kit.judging.assignManually(draft.id, unconfirmedJudge.memberId, kit.admin.memberId),
    ).rejects.toMatchObject({ code: 'CONFLICT_OF_INTEREST' });
    // the automatic assignment sees the same conflict: its only judge is not eligible for the entry
    await expect(kit.judging.assign(competition.id, kit.admin.memberId)).rejects.toMatchObject({
      code: 'ASSIGNMENT_INFEASIBLE',
      message: expect.stringContaining('0 eligible judges'),
    });
  });
});
