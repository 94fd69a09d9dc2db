import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  InstitutionCreatedV1,
  MemberRegisteredV1,
  MemberRoleGrantedV1,
  MemberRoleRevokedV1,
  type CareerStage,
  type EthnicityGroup,
  type Gender,
  type Role,
  type YesNoPreferNot,
} from '@praxis/contracts';
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  passwordProblem,
  verifyPassword,
  type RoleGrant,
} from '@praxis/platform/auth';
import { isUuid, mapNodes, paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';
import { containsPattern } from '@praxis/platform/database';
import { appendToOutbox, EventSigner } from '@praxis/platform/messaging';
import {
  DemographicsEntity,
  InstitutionEntity,
  MemberEntity,
  RoleGrantEntity,
} from '@praxis/membership/data-access';
import { SessionsService, type IssuedSession } from './sessions/sessions.service';
import {
  checkGrant,
  MembershipError,
  MembershipErrorCode,
  normaliseEmail,
  normaliseInterests,
} from '@praxis/membership/domain';
import { DemographicsPublisher } from './demographics.publisher';
import {
  appendProfileUpdated,
  CareerStageChangesService,
  InstitutionChangesService,
  RegistrationConfirmationsService,
} from './profile-changes.service';

export interface RegisterCommand {
  email: string;
  password: string;
  displayName: string;
  careerStage: CareerStage;
  institutionId: string;
  specialty?: string | null;
  interests: string[];
}

export interface ProfileChanges {
  displayName?: string;
  careerStage?: CareerStage;
  institutionId?: string;
  specialty?: string | null;
  interests?: string[];
}

export interface MemberWithRoles {
  member: MemberEntity;
  roles: RoleGrant[];
}

export interface DemographicAnswers {
  gender: Gender;
  ethnicityGroup: EthnicityGroup;
  disability: YesNoPreferNot;
  firstGenerationHigherEducation: YesNoPreferNot;
}

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === UNIQUE_VIOLATION && driverError.constraint === constraint;
}

function requireStrongPassword(password: string, field: string, userInputs: string[]): void {
  const problem = passwordProblem(password, userInputs);
  if (problem) throw MembershipError.invalid([{ field, rule: problem.rule, message: problem.message }]);
}

/** Members, institutions, roles and voluntary demographics. Every state change writes its event to the outbox. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly dataSource: DataSource,
    /** Signs role events: other services act on a role change only when membership's signature verifies. */
    private readonly eventSigner: EventSigner,
    private readonly demographics: DemographicsPublisher,
    private readonly sessions: SessionsService,
    private readonly institutionChanges: InstitutionChangesService,
    private readonly careerStageChanges: CareerStageChangesService,
    private readonly registrationConfirmations: RegistrationConfirmationsService,
  ) {}

  /**
   * A new member's institution and career stage are unconfirmed until a lead of the institution or an admin
   * confirms them (`RegistrationConfirmationsService`); only the configured administrator, created at start by
   * the platform itself, is confirmed from the start (`preconfirmed`).
   */
  async register(
    command: RegisterCommand,
    { preconfirmed = false }: { preconfirmed?: boolean } = {},
  ): Promise<{ session: IssuedSession; member: MemberWithRoles }> {
    requireStrongPassword(command.password, 'input.password', [command.email, command.displayName]);
    const passwordHash = await hashPassword(command.password);
    const member = await this.dataSource.transaction(async (manager) => {
      await this.requireInstitution(manager, command.institutionId, 'input.institutionId');
      const entity = manager.create(MemberEntity, {
        email: normaliseEmail(command.email),
        passwordHash,
        displayName: command.displayName.trim(),
        careerStage: command.careerStage,
        institutionId: command.institutionId,
        specialty: command.specialty?.trim() || null,
        interests: normaliseInterests(command.interests),
        institutionConfirmed: preconfirmed,
        careerStageConfirmed: preconfirmed,
      });
      try {
        await manager.save(entity);
      } catch (error) {
        if (isUniqueViolation(error, 'member_email_uq')) {
          throw new MembershipError(
            MembershipErrorCode.EmailUnavailable,
            'input.email: cannot be used to register; sign in instead',
            [
              {
                field: 'input.email',
                rule: 'available',
                message: 'cannot be used to register; sign in instead',
              },
            ],
          );
        }
        throw error;
      }
      await appendToOutbox(
        manager,
        MemberRegisteredV1,
        entity.id,
        {
          memberId: entity.id,
          displayName: entity.displayName,
          careerStage: entity.careerStage,
          institutionId: entity.institutionId,
          specialty: entity.specialty,
          interests: entity.interests,
          institutionConfirmed: entity.institutionConfirmed,
          careerStageConfirmed: entity.careerStageConfirmed,
          registeredAt: entity.createdAt.toISOString(),
        },
        { actorId: entity.id },
      );
      if (!preconfirmed) await this.registrationConfirmations.open(manager, entity);
      return entity;
    });
    const session = await this.sessions.open(member.id);
    return { session, member: { member, roles: session.roles } };
  }

  /** The same answer, in the same time, for an unknown email and a wrong password. */
  async login(email: string, password: string): Promise<{ session: IssuedSession; member: MemberWithRoles }> {
    const member = await this.checkPassword(email, password);
    if (!member) {
      throw new MembershipError(MembershipErrorCode.InvalidCredentials, 'email or password is incorrect');
    }
    const session = await this.sessions.open(member.id);
    return { session, member: { member, roles: session.roles } };
  }

  /** The member whose password this is, or null; as slow for an unknown address as for a known one. */
  async checkPassword(email: string, password: string): Promise<MemberEntity | null> {
    const member = await this.dataSource
      .getRepository(MemberEntity)
      .findOneBy({ email: normaliseEmail(email) });
    const valid = await verifyPassword(password, member?.passwordHash ?? DUMMY_PASSWORD_HASH);
    return member && valid ? member : null;
  }

  /** Needs the current password; ends every other session of the member (the current one stays open). */
  async changePassword(
    memberId: string,
    currentSessionId: string | undefined,
    currentPassword: string,
    newPassword: string,
  ): Promise<number> {
    const member = await this.requireMember(this.dataSource.manager, memberId);
    if (!(await verifyPassword(currentPassword, member.passwordHash))) {
      throw MembershipError.invalid([
        { field: 'input.currentPassword', rule: 'matches', message: 'is not your current password' },
      ]);
    }
    requireStrongPassword(newPassword, 'input.newPassword', [member.email, member.displayName]);
    const passwordHash = await hashPassword(newPassword);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(MemberEntity, { id: memberId }, { passwordHash });
      await this.sessions.audit(manager, memberId, 'password.changed', {});
      return this.sessions.endSessions(manager, memberId, 'password-changed', {
        ...(currentSessionId ? { except: currentSessionId } : {}),
      });
    });
  }

  /** A reset link's token sets a new password once, and ends every session of the member. */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const memberId = await this.sessions.consumePasswordReset(manager, token);
      const member = await this.requireMember(manager, memberId);
      requireStrongPassword(newPassword, 'input.newPassword', [member.email, member.displayName]);
      const hash = await hashPassword(newPassword);
      await manager.update(MemberEntity, { id: memberId }, { passwordHash: hash });
      await this.sessions.audit(manager, memberId, 'password.reset', {});
      await this.sessions.endSessions(manager, memberId, 'password-reset');
    });
  }

  /** `currentRoles`: the member's roles when the caller has just read them (the guard, for the signed-in member). */
  async findMember(id: string, currentRoles?: readonly RoleGrant[]): Promise<MemberWithRoles | null> {
    const member = await this.dataSource.getRepository(MemberEntity).findOneBy({ id });
    if (!member) return null;
    if (currentRoles) return { member, roles: [...currentRoles] };
    return { member, roles: (await this.rolesOf(this.dataSource.manager, [id])).get(id) ?? [] };
  }

  async findMembers(ids: readonly string[]): Promise<MemberWithRoles[]> {
    if (ids.length === 0) return [];
    const members = await this.dataSource
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .where('m.id IN (:...ids)', { ids })
      .getMany();
    const roles = await this.rolesOf(
      this.dataSource.manager,
      members.map((member) => member.id),
    );
    return members.map((member) => ({ member, roles: roles.get(member.id) ?? [] }));
  }

  async listMembers(
    filter: {
      institutionId?: string;
      careerStage?: CareerStage;
      role?: Role;
      interest?: string;
      nameContains?: string;
    },
    size: number,
    after: string | null,
  ): Promise<Connection<MemberWithRoles>> {
    const query = this.dataSource.getRepository(MemberEntity).createQueryBuilder('m');
    if (filter.institutionId)
      query.andWhere('m.institution_id = :institutionId', { institutionId: filter.institutionId });
    if (filter.careerStage)
      query.andWhere('m.career_stage = :careerStage', { careerStage: filter.careerStage });
    if (filter.interest) {
      query.andWhere(':interest = ANY(m.interests)', {
        interest: normaliseInterests([filter.interest])[0] ?? '',
      });
    }
    if (filter.nameContains) {
      query.andWhere(`m.display_name ILIKE :name ESCAPE '\\'`, {
        name: containsPattern(filter.nameContains),
      });
    }
    if (filter.role && filter.role !== 'member') {
      query.andWhere('EXISTS (SELECT 1 FROM role_grant g WHERE g.member_id = m.id AND g.role = :role)', {
        role: filter.role,
      });
    }
    const page = await paginate(query, { size, after }, ['createdAt', 'id']);
    const roles = await this.rolesOf(
      this.dataSource.manager,
      page.edges.map((edge) => edge.node.id),
    );
    return mapNodes(page, (member) => ({ member, roles: roles.get(member.id) ?? [] }));
  }

  async updateProfile(memberId: string, changes: ProfileChanges): Promise<MemberWithRoles> {
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.findOne(MemberEntity, {
        where: { id: memberId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) throw new MembershipError(MembershipErrorCode.MemberNotFound, 'member not found');
      const changed: string[] = [];
      // a new institution or career stage counts only once confirmed (profile-changes.service): until then, a
      // pending request
      if (changes.institutionId != null) {
        if (changes.institutionId !== member.institutionId)
          await this.requireInstitution(manager, changes.institutionId, 'input.institutionId');
        await this.institutionChanges.request(manager, member, changes.institutionId);
      }
      if (changes.displayName != null && changes.displayName.trim() !== member.displayName) {
        member.displayName = changes.displayName.trim();
        changed.push('displayName');
      }
      if (changes.careerStage != null)
        await this.careerStageChanges.request(manager, member, changes.careerStage);
      if (changes.specialty !== undefined && (changes.specialty?.trim() || null) !== member.specialty) {
        member.specialty = changes.specialty?.trim() || null;
        changed.push('specialty');
      }
      // null for a required field means no change (GraphQL lets a client send it), never a failed UPDATE
      if (changes.interests != null) {
        const interests = normaliseInterests(changes.interests);
        if (interests.join('\n') !== member.interests.join('\n')) {
          member.interests = interests;
          changed.push('interests');
        }
      }
      if (changed.length > 0) {
        await manager.save(member);
        await appendProfileUpdated(manager, member, changed);
      }
      return { member, roles: (await this.rolesOf(manager, [member.id])).get(member.id) ?? [] };
    });
  }

  /** By name (then id), so a pick list pages alphabetically; `nameContains` narrows it, case-insensitively. */
  async institutions(nameContains: string | null, page: PageRequest): Promise<Connection<InstitutionEntity>> {
    const query = this.dataSource.getRepository(InstitutionEntity).createQueryBuilder('i');
    if (nameContains) query.where(`i.name ILIKE :name ESCAPE '\\'`, { name: containsPattern(nameContains) });
    return paginate(query, page, ['name', 'id'], 'ASC');
  }

  async institutionsByIds(ids: readonly string[]): Promise<InstitutionEntity[]> {
    if (ids.length === 0) return [];
    return this.dataSource
      .getRepository(InstitutionEntity)
      .createQueryBuilder('i')
      .where('i.id IN (:...ids)', { ids })
      .getMany();
  }

  async createInstitution(name: string, country: string): Promise<InstitutionEntity> {
    return this.dataSource.transaction((manager) => this.createInstitutionIn(manager, name, country));
  }

  private async createInstitutionIn(
    manager: EntityManager,
    name: string,
    country: string,
  ): Promise<InstitutionEntity> {
    const institution = manager.create(InstitutionEntity, { name: name.trim(), country });
    try {
      await manager.save(institution);
    } catch (error) {
      if (isUniqueViolation(error, 'institution_name_uq')) {
        throw new MembershipError(
          MembershipErrorCode.InstitutionExists,
          'input.name: an institution with this name exists',
          [{ field: 'input.name', rule: 'unique', message: 'an institution with this name exists' }],
        );
      }
      throw error;
    }
    await appendToOutbox(manager, InstitutionCreatedV1, institution.id, {
      institutionId: institution.id,
      name: institution.name,
      country: institution.country,
    });
    return institution;
  }

  async grantRole(
    memberId: string,
    role: Role,
    institutionId: string | null,
    grantedBy: string | null,
  ): Promise<MemberWithRoles> {
    checkGrant(role, institutionId);
    const scope = role === 'lead' ? institutionId : null;
    return this.dataSource.transaction(async (manager) => {
      await this.requireMember(manager, memberId);
      if (scope) await this.requireInstitution(manager, scope, 'institutionId');
      const inserted: unknown[] = await manager.query(
        `INSERT INTO role_grant (member_id, role, institution_key, institution_id, granted_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (member_id, role, institution_key) DO NOTHING RETURNING id`,
        [memberId, role, scope ?? '', scope, grantedBy],
      );
      if (inserted.length > 0) {
        await appendToOutbox(
          manager,
          MemberRoleGrantedV1,
          memberId,
          { memberId, role, institutionId: scope },
          { signer: this.eventSigner },
        );
      }
      const member = await this.requireMember(manager, memberId);
      return { member, roles: (await this.rolesOf(manager, [memberId])).get(memberId) ?? [] };
    });
  }

  async revokeRole(memberId: string, role: Role, institutionId: string | null): Promise<MemberWithRoles> {
    checkGrant(role, institutionId);
    const scope = role === 'lead' ? institutionId : null;
    return this.dataSource.transaction(async (manager) => {
      const member = await this.requireMember(manager, memberId);
      // (a raw DELETE … RETURNING through manager.query() answers [rows, count], which is never empty)
      const deleted = await manager
        .createQueryBuilder()
        .delete()
        .from(RoleGrantEntity)
        .where('member_id = :memberId AND role = :role AND institution_key = :scope', {
          memberId,
          role,
          scope: scope ?? '',
        })
        .execute();
      if (!deleted.affected) {
        throw new MembershipError(
          MembershipErrorCode.RoleNotHeld,
          `role: the member does not hold the ${role} role${scope ? ' for that institution' : ''}`,
          [
            {
              field: 'role',
              rule: 'held',
              message: `the member does not hold the ${role} role${scope ? ' for that institution' : ''}`,
            },
          ],
        );
      }
      await appendToOutbox(
        manager,
        MemberRoleRevokedV1,
        memberId,
        { memberId, role, institutionId: scope },
        { signer: this.eventSigner },
      );
      return { member, roles: (await this.rolesOf(manager, [memberId])).get(memberId) ?? [] };
    });
  }

  async recordDemographics(memberId: string, answers: DemographicAnswers): Promise<DemographicsEntity> {
    return this.dataSource.transaction(async (manager) => {
      const member = await this.requireMember(manager, memberId);
      await manager.upsert(DemographicsEntity, { memberId, ...answers }, ['memberId']);
      const saved = await manager.findOneByOrFail(DemographicsEntity, { memberId });
      // encrypted for the reporting service only, which reports suppressed aggregates
      await this.demographics.recorded(manager, memberId, {
        institutionId: member.institutionId,
        gender: saved.gender,
        ethnicityGroup: saved.ethnicityGroup,
        disability: saved.disability,
        firstGenerationHigherEducation: saved.firstGenerationHigherEducation,
      });
      return saved;
    });
  }

  /**
   * Deletes the member's answers and erases them from the demographics topic (a tombstone for their key).
   * True when there were answers to erase; erasing again is harmless.
   */
  async eraseDemographics(memberId: string, field = 'memberId'): Promise<boolean> {
    if (!isUuid(memberId)) {
      throw MembershipError.invalid([{ field, rule: 'uuid', message: 'must be a member id (UUID)' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.requireMember(manager, memberId);
      // (a raw DELETE through manager.query answers [rows, count], never empty: it read as erased every time)
      const { affected } = await manager.delete(DemographicsEntity, { memberId });
      if (!affected) return false;
      await this.demographics.erased(manager, memberId);
      return true;
    });
  }

  async demographicsOf(memberId: string): Promise<DemographicsEntity | null> {
    return this.dataSource.getRepository(DemographicsEntity).findOneBy({ memberId });
  }

  /** Creates the configured admin account (and its organiser institution) when missing; safe to run at every start. */
  async ensureAdmin(email: string, password: string, institutionName: string): Promise<void> {
    const existing = await this.dataSource
      .getRepository(MemberEntity)
      .findOneBy({ email: normaliseEmail(email) });
    if (existing) {
      await this.grantRole(existing.id, 'admin', null, null);
      return;
    }
    let institution = await this.dataSource
      .getRepository(InstitutionEntity)
      .findOneBy({ name: institutionName });
    institution ??= await this.createInstitution(institutionName, 'GB');
    try {
      const { member } = await this.register(
        {
          email,
          password,
          displayName: 'Praxis administrator',
          careerStage: 'OTHER',
          institutionId: institution.id,
          interests: [],
        },
        { preconfirmed: true },
      );
      await this.grantRole(member.member.id, 'admin', null, null);
    } catch (error) {
      // another instance created it at the same moment
      if (!(error instanceof MembershipError && error.code === MembershipErrorCode.EmailUnavailable))
        throw error;
    }
  }

  private async requireInstitution(
    manager: EntityManager,
    id: string,
    field: string,
  ): Promise<InstitutionEntity> {
    const institution = await manager.findOneBy(InstitutionEntity, { id });
    if (!institution) {
      throw new MembershipError(
        MembershipErrorCode.InstitutionNotFound,
        `${field}: no institution has this id`,
        [{ field, rule: 'exists', message: 'no institution has this id' }],
      );
    }
    return institution;
  }

  private async requireMember(manager: EntityManager, id: string): Promise<MemberEntity> {
    // findOneBy({ id: undefined }) would match any member
    if (typeof id !== 'string') throw new Error('requireMember needs a member id');
    const member = await manager.findOneBy(MemberEntity, { id });
    if (!member) throw new MembershipError(MembershipErrorCode.MemberNotFound, 'member not found');
    return member;
  }

  private async rolesOf(manager: EntityManager, memberIds: string[]): Promise<Map<string, RoleGrant[]>> {
    const result = new Map<string, RoleGrant[]>();
    if (memberIds.length === 0) return result;
    const grants = await manager
      .getRepository(RoleGrantEntity)
      .createQueryBuilder('g')
      .where('g.member_id IN (:...memberIds)', { memberIds })
      .orderBy('g.granted_at', 'ASC')
      .getMany();
    for (const grant of grants) {
      const list = result.get(grant.memberId) ?? [];
      list.push({ role: grant.role, institutionId: grant.institutionId });
      result.set(grant.memberId, list);
    }
    return result;
  }
}
