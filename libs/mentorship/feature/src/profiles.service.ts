import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CareerStage } from '@praxis/contracts';
import { MenteeProfileEntity, MentorProfileEntity, type MentorFormat } from '@praxis/mentorship/data-access';
import { suggestMentors, type MentorSuggestion } from '@praxis/mentorship/domain';
import { MENTORSHIP_OPTIONS, type MentorshipOptions } from './mentorship.options';
import {
  cleanTerms,
  loadMentorProfiles,
  openMentorIdsOf,
  requireMember,
  toMenteeMatchProfile,
} from './mentorship.shared';

export interface MentorProfileCommand {
  capacity: number;
  expertise: string[];
  interests: string[];
  menteeStages: CareerStage[];
  formats: string[];
  acceptsDirectRequests: boolean;
  paused: boolean;
}

export interface MenteeProfileCommand {
  goals: string[];
  interests: string[];
  preferredMentorStages: CareerStage[];
  preferOtherInstitution: boolean;
}

/** Mentor and mentee profiles, and the suggestions built from them. */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MENTORSHIP_OPTIONS) private readonly options: MentorshipOptions,
  ) {}

  async upsertMentorProfile(memberId: string, command: MentorProfileCommand): Promise<MentorProfileEntity> {
    return this.dataSource.transaction(async (manager) => {
      await requireMember(manager, memberId);
      const values = {
        capacity: command.capacity,
        expertise: cleanTerms(command.expertise),
        interests: cleanTerms(command.interests),
        menteeStages: [...new Set(command.menteeStages)],
        formats: [...new Set(command.formats)] as MentorFormat[],
        acceptsDirectRequests: command.acceptsDirectRequests,
        paused: command.paused,
      };
      // the place counter is never written here: capacity can drop below it (someone cutting back)
      await manager
        .createQueryBuilder()
        .insert()
        .into(MentorProfileEntity)
        .values({ memberId, ...values })
        .orUpdate(Object.keys(values).map(snake), ['member_id'])
        .execute();
      return manager.findOneByOrFail(MentorProfileEntity, { memberId });
    });
  }

  async upsertMenteeProfile(memberId: string, command: MenteeProfileCommand): Promise<MenteeProfileEntity> {
    return this.dataSource.transaction(async (manager) => {
      await requireMember(manager, memberId);
      const values = {
        goals: cleanTerms(command.goals),
        interests: cleanTerms(command.interests),
        preferredMentorStages: [...new Set(command.preferredMentorStages)],
        preferOtherInstitution: command.preferOtherInstitution,
      };
      await manager
        .createQueryBuilder()
        .insert()
        .into(MenteeProfileEntity)
        .values({ memberId, ...values })
        .orUpdate(Object.keys(values).map(snake), ['member_id'])
        .execute();
      return manager.findOneByOrFail(MenteeProfileEntity, { memberId });
    });
  }

  mentorProfile(memberId: string): Promise<MentorProfileEntity | null> {
    return this.dataSource.getRepository(MentorProfileEntity).findOneBy({ memberId });
  }

  menteeProfile(memberId: string): Promise<MenteeProfileEntity | null> {
    return this.dataSource.getRepository(MenteeProfileEntity).findOneBy({ memberId });
  }

  async suggestionsFor(menteeId: string, first: number): Promise<MentorSuggestion[]> {
    return suggestionsFor(this.dataSource.manager, menteeId, first, this.options);
  }
}

/**
 * Mentors ranked for one mentee. The domain leaves out the mentee themself, paused and full mentors, stages the
 * mentor does not take, and mentors already mentoring (or asked by) the mentee.
 */
export async function suggestionsFor(
  manager: EntityManager,
  menteeId: string,
  first: number,
  options: MentorshipOptions,
): Promise<MentorSuggestion[]> {
  const member = await requireMember(manager, menteeId);
  const profile = await manager.findOneBy(MenteeProfileEntity, { memberId: menteeId });
  const mentors = await loadMentorProfiles(manager);
  const existing = await openMentorIdsOf(manager, menteeId);
  return suggestMentors(toMenteeMatchProfile(member, profile), mentors, existing, options.weights, first);
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
