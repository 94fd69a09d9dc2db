import { Body, Controller, Delete, Get, Headers, HttpException, Inject, Put } from '@nestjs/common';
import { z } from 'zod';
import {
  CURRENT_PRINCIPAL_SOURCE,
  InvalidTokenError,
  isAdmin,
  TokenVerifier,
  type CurrentPrincipalSource,
} from '@praxis/platform/auth';
import type { Logger } from '@praxis/platform/observability';
import type { AdjustableClock } from '../clock';

const moveSchema = z.object({ at: z.iso.datetime({ offset: true }) }).strict();

export interface TestClockReading {
  now: string;
  offsetMs: number;
}

/**
 * `/testing/clock` on a service's own port (the gateway does not route it), for a service whose configuration
 * allowed a test clock (`testClockFromEnv`, refused in production). An admin reads it, sets it to an instant
 * (`PUT {"at": "<ISO 8601>"}`; it runs on from there) or puts it back (`DELETE`). Every move is logged.
 *
 * A service serves it through `testClockController`, registered only when its configuration has a test clock.
 * What the service does at the clock's time (e.g. a scheduler whose `now` is this clock runs the ticks it
 * reaches) is the service's own.
 */
export abstract class TestClockEndpoint {
  protected constructor(
    private readonly service: string,
    private readonly clock: AdjustableClock,
    private readonly verifier: TokenVerifier,
    private readonly principals: CurrentPrincipalSource,
    private readonly logger: Logger,
  ) {}

  @Get()
  async read(@Headers('authorization') authorization?: string): Promise<TestClockReading> {
    await this.requireAdmin(authorization);
    return this.reading();
  }

  @Put()
  async move(
    @Body() body: unknown,
    @Headers('authorization') authorization?: string,
  ): Promise<TestClockReading> {
    const memberId = await this.requireAdmin(authorization);
    const parsed = moveSchema.safeParse(body);
    if (!parsed.success) {
      throw new HttpException(
        {
          message: 'send {"at": "<ISO 8601 instant with offset>"}',
          fields: parsed.error.issues.map((issue) => ({
            field: issue.path.join('.') || 'body',
            rule: issue.code,
            message: issue.message,
          })),
        },
        400,
      );
    }
    this.clock.set(new Date(parsed.data.at));
    this.logger.warn({ memberId, at: parsed.data.at }, `${this.service} test clock moved by an admin`);
    return this.reading();
  }

  @Delete()
  async reset(@Headers('authorization') authorization?: string): Promise<TestClockReading> {
    const memberId = await this.requireAdmin(authorization);
    this.clock.reset();
    this.logger.warn({ memberId }, `${this.service} test clock back on the system time`);
    return this.reading();
  }

  private reading(): TestClockReading {
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offsetMs };
  }

  /** The same check as a GraphQL operation: the token verified here, the admin role from the replica. */
  private async requireAdmin(authorization: string | undefined): Promise<string> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new HttpException({ message: 'send Authorization: Bearer <admin token>' }, 401);
    let principal;
    try {
      principal = await this.principals.current(await this.verifier.verify(token));
    } catch (error) {
      if (error instanceof InvalidTokenError)
        throw new HttpException({ message: 'invalid or expired token' }, 401);
      throw error;
    }
    if (!principal) throw new HttpException({ message: 'this session has ended; sign in again' }, 401);
    if (!isAdmin(principal)) throw new HttpException({ message: 'only admins move the test clock' }, 403);
    return principal.memberId;
  }
}

/**
 * The `/testing/clock` controller of one service: `options` (under `optionsToken`) carries the service's test
 * clock, null unless its configuration allowed one, and the service registers the controller only then.
 */
export function testClockController(service: {
  name: string;
  /** The variable that allows it, named when the controller is built without a clock. */
  variable: string;
  optionsToken: symbol;
  loggerToken: symbol;
}) {
  @Controller('testing/clock')
  class ServiceTestClockController extends TestClockEndpoint {
    constructor(
      @Inject(service.optionsToken) options: { testClock: AdjustableClock | null },
      verifier: TokenVerifier,
      @Inject(CURRENT_PRINCIPAL_SOURCE) principals: CurrentPrincipalSource,
      @Inject(service.loggerToken) logger: Logger,
    ) {
      if (!options.testClock)
        throw new Error(`${service.name}'s test clock controller needs ${service.variable}`);
      super(service.name, options.testClock, verifier, principals, logger);
    }
  }
  return ServiceTestClockController;
}
