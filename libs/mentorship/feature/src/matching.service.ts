import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  CompetitionResultsPublishedV1,
  CompetitionResultsPublishedV2,
  MentorshipMatchRunCompletedV1,
  type EventOf,
} from '@praxis/contracts';
import { appendToOutbox, handle, type EventHandler } from '@praxis/platform/messaging';
import {
  MatchProposalEntity,
  MatchRunEntity,
  MenteeProfileEntity,
  RelationshipEntity,
  SupervisionProposalEntity,
  type StoredReason,
  type UnmatchedRecord,
} from '@praxis/mentorship/data-access';
import { MemberReplicaEntity } from '@praxis/platform/member-replica';
import {
  assertCanSupervise,
  hardConstraintViolations,
  MentorshipDomainError,
  remainingCapacity,
  runFormalMatching,
  scoreMatch,
  supervisionViolations,
  type MatchWeights,
  type MenteeMatchProfile,
  type MentorMatchProfile,
} from '@praxis/mentorship/domain';
import { MENTORSHIP_OPTIONS, type MentorshipOptions } from './mentorship.options';
import {
  loadMentorProfiles,
  membersByIds,
  OPEN_STATUSES,
  openMentorIdsOf,
  startActiveRelationship,
  toMenteeMatchProfile,
} from './mentorship.shared';
import { mapNodes, paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';

export interface MatchRunView {
  run: MatchRunEntity;
  proposals: MatchProposalEntity[];
}

/** Formal matching runs (admin) and supervisors for competition winners. */
@Injectable()
export class MatchingService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MENTORSHIP_OPTIONS) private readonly options: MentorshipOptions,
  ) {}

  async runMatching(
    adminId: string,
    input: { menteeIds: string[]; mentorIds: string[]; minScore: number },
  ): Promise<MatchRunView> {
    return this.dataSource.transaction(async (manager) => {
      const menteeIds = [...new Set(input.menteeIds)];
      const mentorIds = [...new Set(input.mentorIds)];
      const members = await membersByIds(manager, menteeIds);
      const unmatched: UnmatchedRecord[] = [];
      const mentees: MenteeMatchProfile[] = [];
      const profiles = await manager
        .getRepository(MenteeProfileEntity)
        .createQueryBuilder('p')
        .where('p.member_id IN (:...ids)', { ids: menteeIds })
        .getMany();
      const profileOf = new Map(profiles.map((profile) => [profile.memberId, profile]));
      for (const id of menteeIds) {
        const member = members.get(id);
        if (member) mentees.push(toMenteeMatchProfile(member, profileOf.get(id) ?? null));
        else
          unmatched.push({ menteeId: id, reason: 'NOT_REPLICATED', detail: 'member unknown to mentorship' });
      }
      const mentors = await loadMentorProfiles(manager, mentorIds);
      const existing = await manager
        .getRepository(RelationshipEntity)
        .createQueryBuilder('r')
        .where('r.mentee_id IN (:...ids) AND r.status IN (:...open)', { ids: menteeIds, open: OPEN_STATUSES })
        .getMany();
      const result = runFormalMatching(mentees, mentors, this.options.weights, {
        minScore: input.minScore,
        existingRelationships: existing.map((r) => ({ menteeId: r.menteeId, mentorId: r.mentorId })),
        certify: true,
      });
      const run = manager.create(MatchRunEntity, {
        status: 'PROPOSED',
        createdBy: adminId,
        menteeIds,
        mentorIds,
        minScore: input.minScore,
        totalScore: result.totalScore,
        unmatched: [
          ...unmatched,
          ...result.unmatched.map((u) => ({ menteeId: u.menteeId, reason: u.reason, detail: u.detail })),
        ],
      });
      await manager.save(run);
      const menteeById = new Map(mentees.map((mentee) => [mentee.memberId, mentee]));
      const mentorById = new Map(mentors.map((mentor) => [mentor.memberId, mentor]));
      const proposals = result.assignments.map((assignment) =>
        manager.create(MatchProposalEntity, {
          runId: run.id,
          menteeId: assignment.menteeId,
          mentorId: assignment.mentorId,
          score: assignment.score,
          reasons: reasonsOf(
            menteeById.get(assignment.menteeId) as MenteeMatchProfile,
            mentorById.get(assignment.mentorId) as MentorMatchProfile,
            this.options.weights,
          ),
        }),
      );
      if (proposals.length > 0) await manager.save(proposals);
      await appendToOutbox(
        manager,
        MentorshipMatchRunCompletedV1,
        run.id,
        {
          runId: run.id,
          menteeCount: menteeIds.length,
          mentorCount: mentors.length,
          matchedCount: proposals.length,
          unmatchedCount: run.unmatched.length,
          totalScore: result.totalScore,
          completedAt: new Date().toISOString(),
        },
        { actorId: adminId },
      );
      return { run, proposals };
    });
  }

  async matchRun(runId: string): Promise<MatchRunView> {
    const [view] = await this.matchRuns([runId]);
    if (!view) throw MentorshipDomainError.notFound('match run');
    return view;
  }

  /** A page of runs, newest first, optionally of one status, each with its proposals (two queries a page). */
  async matchRunPage(
    status: MatchRunEntity['status'] | null,
    page: PageRequest,
  ): Promise<Connection<MatchRunView>> {
    const query = this.dataSource.getRepository(MatchRunEntity).createQueryBuilder('r');
    if (status) query.where('r.status = :status', { status });
    const runs = await paginate(query, page, ['createdAt', 'id']);
    const views = new Map(
      (await this.matchRuns(runs.edges.map((edge) => edge.node.id))).map((view) => [view.run.id, view]),
    );
    return mapNodes(runs, (run) => views.get(run.id) ?? { run, proposals: [] });
  }

  /** Runs with their proposals, two queries whatever the number of runs (unknown ids are left out). */
  async matchRuns(runIds: readonly string[]): Promise<MatchRunView[]> {
    if (runIds.length === 0) return [];
    const runs = await this.dataSource.getRepository(MatchRunEntity).findBy({ id: In([...runIds]) });
    if (runs.length === 0) return [];
    const proposals = await this.dataSource
      .getRepository(MatchProposalEntity)
      .find({ where: { runId: In(runs.map((run) => run.id)) }, order: { menteeId: 'ASC' } });
    return runs.map((run) => ({ run, proposals: proposals.filter((proposal) => proposal.runId === run.id) }));
  }

  /**
   * An admin's edit of a proposed run: give a mentee another mentor (hard constraints and the places this run
   * already uses are checked) or none (`mentorId` null, the mentee is reported unmatched as REMOVED).
   */
  async editProposal(runId: string, menteeId: string, mentorId: string | null): Promise<MatchRunView> {
    await this.dataSource.transaction(async (manager) => {
      const run = await this.lockRun(manager, runId);
      if (!run.menteeIds.includes(menteeId)) {
        throw MentorshipDomainError.invalid('menteeId', 'inRun', 'is not one of the mentees of this run');
      }
      await manager.delete(MatchProposalEntity, { runId, menteeId });
      run.unmatched = run.unmatched.filter((entry) => entry.menteeId !== menteeId);
      if (mentorId === null) {
        run.unmatched.push({ menteeId, reason: 'REMOVED', detail: 'removed from the run by an admin' });
      } else {
        const [member] = [...(await membersByIds(manager, [menteeId])).values()];
        if (!member) throw MentorshipDomainError.invalid('menteeId', 'known', 'is unknown to mentorship');
        const profile = await manager.findOneBy(MenteeProfileEntity, { memberId: menteeId });
        const mentee = toMenteeMatchProfile(member, profile);
        const [mentor] = await loadMentorProfiles(manager, [mentorId]);
        if (!mentor) throw MentorshipDomainError.invalid('mentorId', 'mentor', 'is not a mentor');
        const usedInRun = await manager.countBy(MatchProposalEntity, { runId, mentorId });
        const withRun = { ...mentor, activeMentees: mentor.activeMentees + usedInRun };
        const violations = hardConstraintViolations(mentee, withRun, {
          existingMentorIds: await openMentorIdsOf(manager, menteeId),
        });
        if (violations.length > 0) {
          throw new MentorshipDomainError(violations[0].code, violations.map((v) => v.message).join('; '));
        }
        const reasons = reasonsOf(mentee, mentor, this.options.weights);
        await manager.save(
          manager.create(MatchProposalEntity, {
            runId,
            menteeId,
            mentorId,
            score: reasons.reduce((sum, reason) => sum + reason.points, 0),
            reasons,
            edited: true,
          }),
        );
      }
      const proposals = await manager.findBy(MatchProposalEntity, { runId });
      run.totalScore = proposals.reduce((sum, proposal) => sum + proposal.score, 0);
      await manager.save(run);
    });
    return this.matchRun(runId);
  }

  /** Starts every proposed pairing at once; if any mentor has filled up since, nothing starts. */
  async approveRun(adminId: string, runId: string): Promise<MatchRunView> {
    await this.dataSource.transaction(async (manager) => {
      const run = await this.lockRun(manager, runId);
      const proposals = await manager.find(MatchProposalEntity, {
        where: { runId },
        order: { menteeId: 'ASC' },
      });
      for (const proposal of proposals) {
        const relationship = await startActiveRelationship(manager, {
          mentorId: proposal.mentorId,
          menteeId: proposal.menteeId,
          kind: 'MENTORING',
          origin: 'MATCHING',
          matchRunId: run.id,
          actorId: adminId,
        });
        proposal.relationshipId = relationship.id;
      }
      if (proposals.length > 0) await manager.save(proposals);
      run.status = 'APPROVED';
      run.approvedAt = new Date();
      await manager.save(run);
    });
    return this.matchRun(runId);
  }

  /** Newest first, optionally of one status. */
  supervisionProposals(
    status: SupervisionProposalEntity['status'] | null,
    page: PageRequest,
  ): Promise<Connection<SupervisionProposalEntity>> {
    const query = this.dataSource.getRepository(SupervisionProposalEntity).createQueryBuilder('s');
    if (status) query.where('s.status = :status', { status });
    return paginate(query, page, ['createdAt', 'id']);
  }

  /** An admin confirms the proposed supervisor (or names another); the SUPERVISION relationship starts. */
  async confirmSupervision(
    adminId: string,
    proposalId: string,
    mentorId: string | null,
  ): Promise<SupervisionProposalEntity> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await manager
        .getRepository(SupervisionProposalEntity)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.id = :id', { id: proposalId })
        .getOne();
      if (!proposal) throw MentorshipDomainError.notFound('supervision proposal');
      if (proposal.status === 'CONFIRMED')
        throw MentorshipDomainError.state('this supervisor is already confirmed');
      const chosen = mentorId ?? proposal.mentorId;
      if (!chosen) {
        throw MentorshipDomainError.invalid('mentorId', 'required', 'no mentor was available; name one');
      }
      const [mentor] = await loadMentorProfiles(manager, [chosen]);
      if (!mentor) throw MentorshipDomainError.invalid('mentorId', 'mentor', 'is not a mentor');
      // the proposal was checked when it was made; an admin's choice (or a stale proposal) is checked now
      const lead = (await membersByIds(manager, [proposal.menteeId])).get(proposal.menteeId);
      assertCanSupervise({ memberId: proposal.menteeId, careerStage: lead?.careerStage ?? 'OTHER' }, mentor, {
        existingMentorIds: await openMentorIdsOf(manager, proposal.menteeId),
        teamMemberIds: proposal.teamMemberIds,
      });
      const relationship = await startActiveRelationship(manager, {
        mentorId: chosen,
        menteeId: proposal.menteeId,
        kind: 'SUPERVISION',
        origin: 'COMPETITION',
        competition: { competitionId: proposal.competitionId, proposalId: proposal.proposalId },
        actorId: adminId,
      });
      proposal.mentorId = chosen;
      proposal.status = 'CONFIRMED';
      proposal.relationshipId = relationship.id;
      return manager.save(proposal);
    });
  }

  private async lockRun(manager: EntityManager, runId: string): Promise<MatchRunEntity> {
    const run = await manager
      .getRepository(MatchRunEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id: runId })
      .getOne();
    if (!run) throw MentorshipDomainError.notFound('match run');
    if (run.status !== 'PROPOSED') throw MentorshipDomainError.state('this run was already approved');
    return run;
  }
}

function reasonsOf(
  mentee: MenteeMatchProfile,
  mentor: MentorMatchProfile,
  weights: MatchWeights,
): StoredReason[] {
  return scoreMatch(mentee, mentor, weights).reasons.map((reason) => ({ ...reason }));
}

/**
 * For each winning proposal, the best available mentor for its lead applicant by topic (the proposal's keywords
 * against the mentor's expertise and interests) and the usual fit. Written as PROPOSED for an admin to confirm;
 * the unique (competition, proposal) index plus ON CONFLICT DO NOTHING make a redelivered event change nothing,
 * on top of the platform inbox.
 */
export async function proposeSupervisorsForWinners(
  event: EventOf<typeof CompetitionResultsPublishedV1> | EventOf<typeof CompetitionResultsPublishedV2>,
  manager: EntityManager,
  weights: MatchWeights,
): Promise<void> {
  const { competitionId, winners } = event.payload;
  if (winners.length === 0) return;
  const mentors = await loadMentorProfiles(manager);
  const leads = await membersByIds(
    manager,
    winners.map((winner) => winner.leadApplicantId),
  );
  // places proposed within this event count, so two winners are not both handed a mentor's last place
  const proposedHere = new Map<string, number>();
  for (const winner of [...winners].sort((a, b) => a.rank - b.rank)) {
    const lead: MemberReplicaEntity | undefined = leads.get(winner.leadApplicantId);
    const mentee: MenteeMatchProfile = {
      memberId: winner.leadApplicantId,
      careerStage: lead?.careerStage ?? 'OTHER',
      institutionId: lead?.institutionId ?? winner.institutionIds[0] ?? null,
      specialty: lead?.specialty ?? null,
      interests: winner.keywords,
      goals: [],
      preferredMentorStages: [],
    };
    const existing = await openMentorIdsOf(manager, mentee.memberId);
    let best: { mentor: MentorMatchProfile; score: number; topic: number; reasons: StoredReason[] } | null =
      null;
    for (const mentor of mentors) {
      const taken = {
        ...mentor,
        activeMentees: mentor.activeMentees + (proposedHere.get(mentor.memberId) ?? 0),
      };
      const context = { existingMentorIds: existing, teamMemberIds: winner.teamMemberIds };
      if (supervisionViolations(mentee, taken, context).length > 0) continue;
      const { score, reasons } = scoreMatch(mentee, taken, weights);
      const topic = reasons
        .filter((reason) => reason.kind === 'SHARED_EXPERTISE' || reason.kind === 'SHARED_INTEREST')
        .reduce((sum, reason) => sum + reason.points, 0);
      const better =
        best === null ||
        topic > best.topic ||
        (topic === best.topic && score > best.score) ||
        (topic === best.topic &&
          score === best.score &&
          (remainingCapacity(taken) > remainingCapacity(best.mentor) ||
            (remainingCapacity(taken) === remainingCapacity(best.mentor) &&
              mentor.memberId < best.mentor.memberId)));
      if (better) best = { mentor: taken, score, topic, reasons: reasons.map((reason) => ({ ...reason })) };
    }
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(SupervisionProposalEntity)
      .values({
        competitionId,
        proposalId: winner.proposalId,
        proposalTitle: winner.title,
        keywords: winner.keywords,
        menteeId: mentee.memberId,
        teamMemberIds: winner.teamMemberIds,
        mentorId: best?.mentor.memberId ?? null,
        score: best?.score ?? 0,
        reasons: best?.reasons ?? [],
        status: best ? 'PROPOSED' : 'NO_MENTOR_AVAILABLE',
      })
      .orIgnore()
      .execute();
    if (best && inserted.identifiers.length > 0 && inserted.identifiers[0]) {
      proposedHere.set(best.mentor.memberId, (proposedHere.get(best.mentor.memberId) ?? 0) + 1);
    }
  }
}

export function supervisionHandlers(weights: MatchWeights): EventHandler[] {
  return [
    // v1 drains while proposals publishes v2; the (competition, proposal) index makes both a no-op the second time
    handle(CompetitionResultsPublishedV1, (event, manager) =>
      proposeSupervisorsForWinners(event, manager, weights),
    ),
    handle(CompetitionResultsPublishedV2, (event, manager) =>
      proposeSupervisorsForWinners(event, manager, weights),
    ),
  ];
}
