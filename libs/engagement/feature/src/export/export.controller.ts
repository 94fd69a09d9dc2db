import { Controller, Get, Headers, HttpException, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import {
  CURRENT_PRINCIPAL_SOURCE,
  hasRole,
  InvalidTokenError,
  TokenVerifier,
  type CurrentPrincipalSource,
  type Principal,
} from '@praxis/platform/auth';
import {
  EngagementDomainError,
  EngagementErrorCode,
  GRANULARITIES,
  type FieldError,
} from '@praxis/engagement/domain';
import { DIMENSIONS } from '../metrics/dimensions';
import {
  EXPORT_TABLES,
  ExportResolver,
  type EngagementExportInput,
  type ExportTable,
} from './export.resolver';

/** The table in the URL: `funnel`, `programmes`, `programme-sessions`, `protected-time`, `money`, `overview`. */
export function exportPath(table: ExportTable): string {
  return table.toLowerCase().replace(/_/g, '-');
}

const querySchema = z
  .object({
    institutionId: z.uuid().optional(),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    granularity: z.enum(GRANULARITIES),
    splitBy: z.enum(DIMENSIONS).optional(),
  })
  .strict();

function refuse(status: number, message: string, fields: FieldError[] = []): never {
  throw new HttpException(fields.length > 0 ? { message, fields } : { message }, status);
}

/**
 * `GET /exports/<table>?from=…&to=…&granularity=…[&institutionId=…][&splitBy=…]` with `Authorization: Bearer
 * <token>`: a metric table as a CSV download for a BI tool or the dashboard (the gateway serves it at
 * `/exports/engagement/<table>`). It is the GraphQL export's code (`engagementExport`): the same scope rules per
 * record (a lead their own institution, admins any and the network) and the same suppression; a refusal is the
 * HTTP status of its GraphQL code with a JSON body naming the field and rule.
 */
@Controller('exports')
export class ExportController {
  constructor(
    private readonly exports: ExportResolver,
    private readonly verifier: TokenVerifier,
    @Inject(CURRENT_PRINCIPAL_SOURCE) private readonly principals: CurrentPrincipalSource,
  ) {}

  @Get(':table')
  async download(
    @Param('table') table: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
    @Headers('authorization') authorization?: string,
  ): Promise<void> {
    const principal = await this.caller(authorization);
    const input = parseExportRequest(table, query);
    let file;
    try {
      file = await this.exports.engagementExport(principal, input);
    } catch (error) {
      if (error instanceof EngagementDomainError) throw httpError(error);
      throw error;
    }
    res
      .status(200)
      .setHeader('Content-Type', file.contentType)
      .setHeader('Content-Disposition', `attachment; filename="${file.filename}"`)
      .setHeader('Cache-Control', 'no-store')
      .send(file.csv);
  }

  /** The caller as a GraphQL operation sees them: the token verified here, current roles from the replica. */
  private async caller(authorization: string | undefined): Promise<Principal> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) refuse(401, 'send Authorization: Bearer <token>');
    let principal: Principal | null;
    try {
      principal = await this.principals.current(await this.verifier.verify(token));
    } catch (error) {
      if (error instanceof InvalidTokenError) refuse(401, 'invalid or expired token');
      throw error;
    }
    if (!principal) refuse(401, 'this session has ended; sign in again');
    if (!hasRole(principal, 'lead') && !hasRole(principal, 'admin'))
      refuse(403, 'this export requires the lead or admin role');
    return principal;
  }
}

/** The path's table and the query string as the GraphQL export's input; 400 naming each bad field and rule. */
export function parseExportRequest(table: string, query: Record<string, unknown>): EngagementExportInput {
  const exportTable = EXPORT_TABLES.find(
    (candidate) => exportPath(candidate) === table.replace(/\.csv$/, ''),
  );
  const parsed = querySchema.safeParse(query);
  const fields: FieldError[] = [];
  if (!exportTable)
    fields.push({
      field: 'table',
      rule: 'isIn',
      message: `one of ${EXPORT_TABLES.map(exportPath).join(', ')}`,
    });
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      fields.push({
        field: issue.path.join('.') || String((issue as { keys?: string[] }).keys?.[0] ?? 'query'),
        rule: issue.code,
        message: issue.message,
      });
  if (!exportTable || !parsed.success) refuse(400, 'invalid export request', fields);
  const { institutionId, from, to, granularity, splitBy } = parsed.data;
  return {
    table: exportTable,
    institutionId: institutionId ?? null,
    from: new Date(from),
    to: new Date(to),
    granularity,
    splitBy: splitBy ?? 'NONE',
  };
}

function httpError(error: EngagementDomainError): HttpException {
  const code = error.code;
  switch (code) {
    case EngagementErrorCode.INVALID_INPUT:
      return new HttpException(
        { message: error.message, fields: (error.details.errors ?? []) as FieldError[] },
        400,
      );
    case EngagementErrorCode.FORBIDDEN_SCOPE:
      return new HttpException({ message: error.message }, 403);
    case EngagementErrorCode.NOT_FOUND:
      return new HttpException({ message: error.message }, 404);
    case EngagementErrorCode.INVALID_CONFIGURATION:
      return new HttpException({ message: 'engagement is misconfigured' }, 500);
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped engagement error ${String(unreachable)}`);
    }
  }
}
