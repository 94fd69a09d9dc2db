import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Principal } from '@praxis/platform/auth';
import { createServiceDataSource } from '@praxis/platform/database';
import { createTestDatabase } from '@praxis/platform/testing';
import { proposalsDatabase } from '@praxis/proposals/data-access';
import { CompetitionsService } from './competitions.service';
import { JudgingService } from './judging.service';
import type { CreateCompetitionInput } from './proposals.objects';
import { ProposalsService } from './proposals.service';

/**
 * A new member's institution and career stage are their own word until a lead or an admin confirms them
 * (membership's member events say which, the replica stores it): eligibility counts only confirmed ones, while a
 * judge's unconfirmed institution still conflicts with entries from it. Real PostgreSQL, the replica as
 * membership's events leave it.
 */
describe('unconfirmed institutions and career stages in proposals', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let competitions: CompetitionsService;
  let proposals: ProposalsService;
  let judging: JudgingService;
  const admin: Principal = { memberId: randomUUID(), roles: [{ role: 'admin', institutionId: null }] };

  beforeAll(async () => {
    db = await createTestDatabase('proposals_unconfirmed');
    dataSource = createServiceDataSource({ url: db.url, ...proposalsDatabase });
    await dataSource.initialize();
    await dataSource.runMigrations();
    const options = { namedConflictsMax: 2, defaultCurrency: 'GBP' as const };
    competitions = new CompetitionsService(dataSource, options);
    proposals = new ProposalsService(dataSource, options);
    judging = new JudgingService(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  async function member(
    institutionId: string,
    confirmed: boolean,
    { roles = [] as string[], stage = 'MEDICAL_STUDENT' } = {},
  ): Promise<Principal> {
    const memberId = randomUUID();
    await dataSource.query(
      `INSERT INTO member_replica (member_id, display_name, career_stage, institution_id, interests,
         institution_confirmed, career_stage_confirmed)
       VALUES ($1, $2, $3, $4, '{}', $5, $5)`,
      [memberId, `Member ${memberId.slice(0, 4)}`, stage, institutionId, confirmed],
    );
    for (const role of roles)
      await dataSource.query(`INSERT INTO member_role_replica (member_id, role) VALUES ($1, $2)`, [
        memberId,
        role,
      ]);
    return { memberId, roles: roles.includes('judge') ? [{ role: 'judge', institutionId: null }] : [] };
  }

  /** What the replica does with membership's `profile-updated` confirming the member's registration. */
  async function confirm(memberId: string): Promise<void> {
    await dataSource.query(
      `UPDATE member_replica SET institution_confirmed = true, career_stage_confirmed = true WHERE member_id = $1`,
      [memberId],
    );
  }

  async function openCompetition(eligibility: CreateCompetitionInput['eligibility']) {
    const competition = await competitions.create(
      {
        title: 'Confirmation call',
        description: '',
        opensAt: new Date(Date.now() - 60_000),
        closesAt: new Date(Date.now() + 3_600_000),
        judgingEndsAt: new Date(Date.now() + 7_200_000),
        criteria: [{ name: 'Quality', guidance: '', weight: 1, scaleMin: 0, scaleMax: 4 }],
        reviewsPerEntry: 1,
        judgeMaxLoad: 2,
        blind: false,
        winnersCount: 1,
        eligibility,
        fundingAvailable: null,
        protectedHoursAvailable: null,
      },
      admin.memberId,
    );
    await competitions.open(competition.id);
    return competition;
  }

  /** A draft by `lead` with `partner` invited and accepted: the draft itself concerns only the team. */
  async function teamDraft(competitionId: string, lead: Principal, partner: Principal) {
    const draft = await proposals.saveDraft(
      {
        competitionId,
        title: 'Two schools',
        summary: 's',
        aims: 'a',
        methods: 'm',
        expectedImpact: 'e',
        keywords: [],
        leadApplicantId: lead.memberId,
        teamMemberIds: [partner.memberId],
        requestedFunding: 0,
        requestedHours: 0,
      },
      lead,
    );
    await proposals.answerInvitation(draft.id, true, partner);
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
    expect(await failedRules(proposals.submit(draft.id, [], lead))).toEqual([
      expect.objectContaining({ rule: 'INTER_INSTITUTIONAL', memberIds: [newcomer.memberId] }),
    ]);
    await confirm(newcomer.memberId);
    expect(await proposals.submit(draft.id, [], lead)).toMatchObject({ status: 'SUBMITTED' });
  });

  it('does not let an unconfirmed career stage meet a stage-limited competition until it is confirmed', async () => {
    const competition = await openCompetition({
      requiresInterInstitutionalTeam: false,
      maxTeamSize: 4,
      allowedCareerStages: ['MEDICAL_STUDENT'],
    });
    const newcomer = await member(randomUUID(), false);
    const draft = await proposals.saveDraft(
      {
        competitionId: competition.id,
        title: 'Solo',
        summary: 's',
        aims: 'a',
        methods: 'm',
        expectedImpact: 'e',
        keywords: [],
        leadApplicantId: newcomer.memberId,
        teamMemberIds: [],
        requestedFunding: 0,
        requestedHours: 0,
      },
      newcomer,
    );
    expect(await failedRules(proposals.submit(draft.id, [], newcomer))).toEqual([
      expect.objectContaining({ rule: 'CAREER_STAGE', memberIds: [newcomer.memberId] }),
    ]);
    await confirm(newcomer.memberId);
    expect(await proposals.submit(draft.id, [], newcomer)).toMatchObject({ status: 'SUBMITTED' });
  });

  it("treats a judge's unconfirmed institution as conflicting with entries from it", async () => {
    const schoolA = randomUUID();
    const competition = await openCompetition({
      requiresInterInstitutionalTeam: false,
      maxTeamSize: 4,
      allowedCareerStages: [],
    });
    const applicant = await member(schoolA, true);
    const draft = await proposals.saveDraft(
      {
        competitionId: competition.id,
        title: 'From school A',
        summary: 's',
        aims: 'a',
        methods: 'm',
        expectedImpact: 'e',
        keywords: [],
        leadApplicantId: applicant.memberId,
        teamMemberIds: [],
        requestedFunding: 0,
        requestedHours: 0,
      },
      applicant,
    );
    await proposals.submit(draft.id, [], applicant);
    await competitions.updateDates(competition.id, {
      opensAt: new Date(Date.now() - 60_000),
      closesAt: new Date(Date.now() - 1000),
      judgingEndsAt: new Date(Date.now() + 7_200_000),
    });
    await competitions.startJudging(competition.id);
    const unconfirmedJudge = await member(schoolA, false, { roles: ['judge'], stage: 'CONSULTANT' });
    await judging.addJudge(competition.id, unconfirmedJudge.memberId, admin.memberId);
    await expect(
      judging.assignManually(draft.id, unconfirmedJudge.memberId, admin.memberId),
    ).rejects.toMatchObject({ code: 'CONFLICT_OF_INTEREST' });
    // the automatic assignment sees the same conflict: its only judge is not eligible for the entry
    await expect(judging.assign(competition.id, admin.memberId)).rejects.toMatchObject({
      code: 'ASSIGNMENT_INFEASIBLE',
      message: expect.stringContaining('0 eligible judges'),
    });
  });
});
