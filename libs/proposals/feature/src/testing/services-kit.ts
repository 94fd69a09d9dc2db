import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Role } from '@praxis/contracts';
import type { Principal } from '@praxis/platform/auth';
import { createServiceDataSource } from '@praxis/platform/database';
import { createTestDatabase, seedReplicaMember } from '@praxis/platform/testing';
import { CompetitionEntity, proposalsDatabase, type ProposalEntity } from '@praxis/proposals/data-access';
import { CompetitionsService } from '../competitions.service';
import { JudgingService } from '../judging.service';
import type { CreateCompetitionInput, SaveProposalDraftInput } from '../proposals.objects';
import type { ProposalsOptions } from '../proposals.options';
import { ProposalsService } from '../proposals.service';

/**
 * Proposals' three services on a fresh, migrated database of their own (real PostgreSQL, no Nest, no broker:
 * events stay in the outbox), with the set-up the service-level specs share: replica members, an open
 * competition, a draft, and the close of submissions.
 */
export interface ProposalsServicesKit {
  databaseUrl: string;
  dataSource: DataSource;
  options: ProposalsOptions;
  competitions: CompetitionsService;
  proposals: ProposalsService;
  judging: JudgingService;
  /** An admin (the actor of competition and judging changes); not in the replica, as no rule asks. */
  admin: Principal;
  /**
   * A member in the replica as membership's events leave them (a resident at an institution of their own,
   * confirmed), with the roles their principal claims.
   */
  member(options?: {
    institutionId?: string;
    careerStage?: string;
    roles?: Role[];
    confirmed?: boolean;
  }): Promise<Principal>;
  /** A competition's input: one criterion on a 0–4 scale, open from a minute ago, closing in an hour. */
  competitionInput(overrides?: Partial<CreateCompetitionInput>): CreateCompetitionInput;
  /** `competitionInput(overrides)` created by the admin and opened. */
  openCompetition(overrides?: Partial<CreateCompetitionInput>): Promise<CompetitionEntity>;
  /** A draft `lead` saves in the competition: solo unless `overrides` names a team, asking for nothing. */
  draft(
    competitionId: string,
    lead: Principal,
    overrides?: Partial<SaveProposalDraftInput>,
  ): Promise<ProposalEntity>;
  /** Closes submissions a second ago (keeping the other dates) and starts judging. */
  startJudging(competitionId: string): Promise<CompetitionEntity>;
  close(): Promise<void>;
}

export async function startProposalsServices(
  name: string,
  options: ProposalsOptions = { namedConflictsMax: 2, defaultCurrency: 'GBP' },
): Promise<ProposalsServicesKit> {
  const db = await createTestDatabase(name);
  const dataSource = createServiceDataSource({ url: db.url, ...proposalsDatabase });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.drop();
    throw error;
  }
  const competitions = new CompetitionsService(dataSource, options);
  const proposals = new ProposalsService(dataSource, options);
  const admin: Principal = { memberId: randomUUID(), roles: [{ role: 'admin', institutionId: null }] };

  const competitionInput = (overrides: Partial<CreateCompetitionInput> = {}): CreateCompetitionInput => ({
    title: 'Integration call',
    description: '',
    opensAt: new Date(Date.now() - 60_000),
    closesAt: new Date(Date.now() + 3_600_000),
    judgingEndsAt: new Date(Date.now() + 7_200_000),
    criteria: [{ name: 'Quality', guidance: '', weight: 1, scaleMin: 0, scaleMax: 4 }],
    reviewsPerEntry: 1,
    judgeMaxLoad: 2,
    blind: false,
    winnersCount: 1,
    eligibility: { requiresInterInstitutionalTeam: false, maxTeamSize: 4, allowedCareerStages: [] },
    fundingAvailable: null,
    protectedHoursAvailable: null,
    ...overrides,
  });

  return {
    databaseUrl: db.url,
    dataSource,
    options,
    competitions,
    proposals,
    judging: new JudgingService(dataSource),
    admin,
    async member({ roles = [], ...seed } = {}) {
      const memberId = randomUUID();
      await seedReplicaMember(dataSource, memberId, { ...seed, roles });
      return { memberId, roles: roles.map((role) => ({ role, institutionId: null })) };
    },
    competitionInput,
    async openCompetition(overrides) {
      const competition = await competitions.create(competitionInput(overrides), admin.memberId);
      return competitions.open(competition.id);
    },
    draft(competitionId, lead, overrides = {}) {
      return proposals.saveDraft(
        {
          competitionId,
          title: 'Entry',
          summary: 's',
          aims: 'a',
          methods: 'm',
          expectedImpact: 'e',
          keywords: [],
          leadApplicantId: lead.memberId,
          teamMemberIds: [],
          requestedFunding: 0,
          requestedHours: 0,
          ...overrides,
        },
        lead,
      );
    },
    async startJudging(competitionId) {
      const competition = await dataSource
        .getRepository(CompetitionEntity)
        .findOneByOrFail({ id: competitionId });
      await competitions.updateDates(competitionId, {
        opensAt: competition.opensAt,
        closesAt: new Date(Date.now() - 1000),
        judgingEndsAt: competition.judgingEndsAt,
      });
      return competitions.startJudging(competitionId);
    },
    async close() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
