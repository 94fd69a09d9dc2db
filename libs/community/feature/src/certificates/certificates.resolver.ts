import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Public, type Principal } from '@praxis/platform/auth';
import {
  AfterArg,
  badUserInput,
  FirstArg,
  IdArg,
  mapNodes,
  requestLoader,
  type Connection,
} from '@praxis/platform/graphql';
import type { CertificateEntity } from '@praxis/community/data-access';
import { CommunityDomainError, formatVerificationCode } from '@praxis/community/domain';
import { viewerOf } from '../shared/access';
import { ProgrammeObject } from '../programmes/programme.objects';
import { CertificatesService } from './certificates.service';
import {
  CertificateConnection,
  CertificateEligibilityObject,
  CertificateObject,
  CertificatePdfObject,
  CertificateVerificationObject,
} from './certificate.objects';

@Resolver(() => ProgrammeObject)
export class CertificatesResolver {
  constructor(private readonly certificatesService: CertificatesService) {}

  private toObject(row: CertificateEntity): CertificateObject {
    return {
      id: row.id,
      programmeId: row.programmeId,
      verificationCode: formatVerificationCode(row.verificationCode),
      verificationUrl: this.certificatesService.verificationUrl(row.verificationCode),
      memberName: row.memberName,
      programmeTitle: row.programmeTitle,
      sessionsAttended: row.sessionsAttended.map((session) => ({
        theme: session.theme,
        startsAt: new Date(session.startsAt),
      })),
      sessionsHeld: row.sessionsHeld,
      issuedAt: row.issuedAt,
    };
  }

  @Mutation(() => CertificateObject, {
    description:
      'Your certificate of attendance, once you attended enough of the held sessions (asking again returns it)',
  })
  async requestCertificate(
    @CurrentPrincipal() principal: Principal,
    @IdArg('programmeId') programmeId: string,
  ): Promise<CertificateObject> {
    return this.toObject(await this.certificatesService.request(viewerOf(principal), programmeId));
  }

  @Query(() => CertificateConnection, {
    description: 'Your certificates of attendance, newest first (only ever your own)',
  })
  async myCertificates(
    @CurrentPrincipal() principal: Principal,
    @FirstArg() first: number,
    @AfterArg() after: string | null,
  ): Promise<Connection<CertificateObject>> {
    return mapNodes(
      await this.certificatesService.mineAll(viewerOf(principal), { size: first, after }),
      (row) => this.toObject(row),
    );
  }

  @Public()
  @Query(() => CertificateVerificationObject, {
    description: 'Public: whether a verification code is valid, and then only the name and the programme',
  })
  async verifyCertificate(@Args('code') code: string): Promise<CertificateVerificationObject> {
    if (code.length > 40) throw badUserInput([{ field: 'code', rule: 'maxLength', message: 'is too long' }]);
    return this.certificatesService.verify(code);
  }

  /** The caller's certificate of a programme, loaded with those of every other programme of the page. */
  private myCertificateOf(request: object, principal: Principal, programmeId: string) {
    const viewer = viewerOf(principal);
    return requestLoader(
      request,
      'community.myCertificate',
      (programmeIds) => this.certificatesService.mineOf(viewer, programmeIds),
      (certificate) => certificate.programmeId,
    ).load(programmeId);
  }

  @ResolveField(() => CertificateObject, {
    nullable: true,
    description: 'The caller’s certificate, if issued',
  })
  async myCertificate(
    @CurrentPrincipal() principal: Principal,
    @Parent() programme: ProgrammeObject,
    @Context('req') request: object,
  ): Promise<CertificateObject | null> {
    const row = await this.myCertificateOf(request, principal, programme.id);
    return row ? this.toObject(row) : null;
  }

  @ResolveField(() => CertificatePdfObject, {
    nullable: true,
    description: 'The caller’s certificate as a PDF',
  })
  async myCertificatePdf(
    @CurrentPrincipal() principal: Principal,
    @Parent() programme: ProgrammeObject,
    @Context('req') request: object,
  ): Promise<CertificatePdfObject | null> {
    const row = await this.myCertificateOf(request, principal, programme.id);
    if (!row) return null;
    const bytes = await this.certificatesService.pdf(row);
    return {
      filename: `certificate-${formatVerificationCode(row.verificationCode)}.pdf`,
      contentType: 'application/pdf',
      base64: Buffer.from(bytes).toString('base64'),
    };
  }

  @ResolveField(() => CertificateEligibilityObject, {
    description: 'Where the caller stands for a certificate',
  })
  async myCertificateEligibility(
    @CurrentPrincipal() principal: Principal,
    @Parent() programme: ProgrammeObject,
    @Context('req') request: object,
  ): Promise<CertificateEligibilityObject> {
    // one query per table for every programme of a page
    const viewer = viewerOf(principal);
    const found = await requestLoader(
      request,
      'community.myCertificateEligibility',
      (programmeIds) => this.certificatesService.eligibilities(viewer, programmeIds),
      (answer) => answer.programmeId,
    ).load(programme.id);
    if (!found) throw CommunityDomainError.notFound('programme');
    return found.eligibility;
  }
}
