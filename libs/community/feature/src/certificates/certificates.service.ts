import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { CommunityCertificateIssuedV1 } from '@praxis/contracts';
import { paginate, type Connection, type PageRequest } from '@praxis/platform/graphql';
import { appendToOutbox } from '@praxis/platform/messaging';
import {
  ApplicationEntity,
  AttendanceEntity,
  CertificateEntity,
  ProgrammeEntity,
  ProgrammeSessionEntity,
} from '@praxis/community/data-access';
import {
  certificateEligibility,
  formatVerificationCode,
  generateVerificationCode,
  normaliseVerificationCode,
  type CertificateEligibility,
  CommunityDomainError,
  CommunityErrorCode,
} from '@praxis/community/domain';
import { COMMUNITY_OPTIONS, type CommunityOptions } from '../community.options';
import { requireMember, type Viewer } from '../shared/access';
import { groupedBy } from '../shared/grouped';
import { renderCertificatePdf } from './certificate-pdf';

/** Certificates of attendance, issued on request to attendees who came to enough of the held sessions. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(COMMUNITY_OPTIONS) private readonly options: CommunityOptions,
  ) {}

  /**
   * Where the caller stands for a certificate of each of these programmes, from one query per table (programmes,
   * held sessions, the caller's attendance); a programme that does not exist is left out.
   */
  async eligibilities(
    viewer: Viewer,
    programmeIds: readonly string[],
  ): Promise<Array<{ programmeId: string; eligibility: CertificateEligibility }>> {
    const manager = this.dataSource.manager;
    const ids = [...programmeIds];
    const [programmes, held, attended] = await Promise.all([
      manager.find(ProgrammeEntity, {
        where: { id: In(ids) },
        select: { id: true, certificateMinSharePercent: true },
      }),
      this.heldSessions(manager, ids),
      manager.find(AttendanceEntity, {
        where: { programmeId: In(ids), memberId: viewer.memberId },
        select: { programmeId: true, sessionId: true },
      }),
    ]);
    const heldOf = groupedBy(held, (session) => session.programmeId);
    const attendedOf = groupedBy(attended, (row) => row.programmeId);
    return programmes.map((programme) => ({
      programmeId: programme.id,
      eligibility: certificateEligibility(
        heldOf(programme.id).map((session) => session.id),
        attendedOf(programme.id).map((row) => row.sessionId),
        programme.certificateMinSharePercent,
      ),
    }));
  }

  /** Issues the caller's certificate once (asking again returns the same one). */
  async request(viewer: Viewer, programmeId: string): Promise<CertificateEntity> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(CertificateEntity, { programmeId, memberId: viewer.memberId });
      if (existing) return existing;
      const programme = await this.programme(manager, programmeId);
      const application = await manager.findOneBy(ApplicationEntity, {
        programmeId,
        memberId: viewer.memberId,
        status: 'ACCEPTED',
      });
      if (!application)
        throw CommunityDomainError.forbidden('certificates are for the programme’s attendees');
      const member = await requireMember(manager, viewer.memberId);
      const held = await this.heldSessions(manager, [programmeId]);
      const attendedRows = await manager.findBy(AttendanceEntity, { programmeId, memberId: viewer.memberId });
      const attendedIds = new Set(attendedRows.map((row) => row.sessionId));
      const result = certificateEligibility(
        held.map((session) => session.id),
        [...attendedIds],
        programme.certificateMinSharePercent,
      );
      if (!result.eligible) {
        throw new CommunityDomainError(
          CommunityErrorCode.NOT_ELIGIBLE_FOR_CERTIFICATE,
          `a certificate needs ${result.required} of the ${result.held} sessions held so far; you attended ${result.attended}`,
        );
      }
      const now = this.options.clock.now();
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO certificate (programme_id, member_id, verification_code, member_name, programme_title,
           sessions_attended, sessions_held, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (programme_id, member_id) DO NOTHING RETURNING id`,
        [
          programmeId,
          viewer.memberId,
          normaliseVerificationCode(generateVerificationCode()),
          member.displayName,
          programme.title,
          JSON.stringify(
            held
              .filter((session) => attendedIds.has(session.id))
              .map((session) => ({
                theme: session.theme,
                startsAt: session.startsAt.toISOString(),
                timeZone: session.timeZone,
              })),
          ),
          result.held,
          now,
        ],
      );
      if (inserted.length === 0) {
        // a concurrent request issued it first
        return manager.findOneByOrFail(CertificateEntity, { programmeId, memberId: viewer.memberId });
      }
      const certificate = await manager.findOneByOrFail(CertificateEntity, { id: inserted[0].id });
      await appendToOutbox(manager, CommunityCertificateIssuedV1, programmeId, {
        certificateId: certificate.id,
        programmeId,
        memberId: viewer.memberId,
        institutionId: application.institutionId,
        careerStage: application.careerStage,
        sessionsAttended: result.attended,
        sessionsHeld: result.held,
        issuedAt: now.toISOString(),
      });
      return certificate;
    });
  }

  /** The caller's certificates of these programmes (at most one each), from one query. */
  async mineOf(viewer: Viewer, programmeIds: readonly string[]): Promise<CertificateEntity[]> {
    return this.dataSource.manager.findBy(CertificateEntity, {
      programmeId: In([...programmeIds]),
      memberId: viewer.memberId,
    });
  }

  /** The caller's certificates, newest first: only ever their own, whatever else they may organise. */
  async mineAll(viewer: Viewer, page: PageRequest): Promise<Connection<CertificateEntity>> {
    const query = this.dataSource.manager
      .getRepository(CertificateEntity)
      .createQueryBuilder('c')
      .where('c.member_id = :memberId', { memberId: viewer.memberId });
    return paginate(query, page, ['issuedAt', 'id']);
  }

  async pdf(certificate: CertificateEntity): Promise<Uint8Array> {
    return renderCertificatePdf({
      memberName: certificate.memberName,
      programmeTitle: certificate.programmeTitle,
      sessionsAttended: certificate.sessionsAttended,
      sessionsHeld: certificate.sessionsHeld,
      issuedAt: certificate.issuedAt,
      verificationCode: formatVerificationCode(certificate.verificationCode),
      verificationUrl: this.verificationUrl(certificate.verificationCode),
    });
  }

  /** Anyone may check a code: a mistyped one is refused without a lookup; the answer names nothing more. */
  async verify(
    code: string,
  ): Promise<{ valid: boolean; memberName: string | null; programmeTitle: string | null }> {
    const canonical = normaliseVerificationCode(code);
    const certificate = canonical
      ? await this.dataSource.manager.findOneBy(CertificateEntity, { verificationCode: canonical })
      : null;
    return certificate
      ? { valid: true, memberName: certificate.memberName, programmeTitle: certificate.programmeTitle }
      : { valid: false, memberName: null, programmeTitle: null };
  }

  verificationUrl(canonicalCode: string): string {
    return `${this.options.certificateVerificationUrl}${encodeURIComponent(formatVerificationCode(canonicalCode))}`;
  }

  private async programme(manager: EntityManager, programmeId: string): Promise<ProgrammeEntity> {
    const programme = await manager.findOneBy(ProgrammeEntity, { id: programmeId });
    if (!programme) throw CommunityDomainError.notFound('programme');
    return programme;
  }

  /** Sessions of these programmes that have ended by now: a future session is nobody's absence. */
  private heldSessions(manager: EntityManager, programmeIds: string[]): Promise<ProgrammeSessionEntity[]> {
    return manager.find(ProgrammeSessionEntity, {
      where: { programmeId: In(programmeIds), endsAt: LessThanOrEqual(this.options.clock.now()) },
      order: { position: 'ASC' },
    });
  }
}
