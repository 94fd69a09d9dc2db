import { Inject, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Services whose CSV downloads the gateway serves at `/exports/<service>/<table>` (their `/exports/<table>`). */
const EXPORTING_SUBGRAPHS = ['engagement'] as const;
const EXPORT_PATH = /^\/exports\/([a-z]+)\/([a-z-]+(?:\.csv)?)$/;
/** What a download's answer may carry back to the client. */
const PASSED_HEADERS = ['content-type', 'content-disposition', 'cache-control'];

/** A subgraph's base URL from the supergraph's `@join__graph` (its /graphql endpoint without the path). */
export function subgraphBaseUrl(supergraphSdl: string, name: string, override?: string): string | undefined {
  const declared = new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraphSdl)?.[1];
  const url = override ?? declared;
  return url?.replace(/\/graphql\/?$/, '');
}

/**
 * `GET /exports/<service>/<table>?…` on the gateway's origin: passed to that service's `/exports/<table>` with the
 * query string and the caller's Authorization header only. The service authenticates and authorises the caller
 * itself, as for any GraphQL operation (docs/engagement.md, "Export"); the gateway adds nothing to trust.
 */
export function exportsProxy(bases: Record<string, string>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const [pathname, search = ''] = req.originalUrl.split('?');
    const match = EXPORT_PATH.exec(pathname ?? '');
    if (!match) return next();
    const base = bases[match[1] ?? ''];
    if (!base || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.status(404).json({ message: `no export at ${pathname}` });
      return;
    }
    const headers: Record<string, string> = {};
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    fetch(`${base}/exports/${match[2]}${search ? `?${search}` : ''}`, {
      method: req.method,
      headers,
      signal: AbortSignal.timeout(30000),
    })
      .then(async (answer) => {
        res.status(answer.status);
        for (const name of PASSED_HEADERS) {
          const value = answer.headers.get(name);
          if (value) res.setHeader(name, value);
        }
        res.send(Buffer.from(await answer.arrayBuffer()));
      })
      .catch(() => {
        if (!res.headersSent) res.status(502).json({ message: `${match[1]} did not answer` });
      });
  };
}

const EXPORT_BASES = Symbol('EXPORT_BASES');

@Module({})
export class ExportsProxyModule implements NestModule {
  constructor(@Inject(EXPORT_BASES) private readonly bases: Record<string, string>) {}

  static forRoot(supergraphSdl: string, override: (name: string) => string | undefined): DynamicModule {
    const bases: Record<string, string> = {};
    for (const name of EXPORTING_SUBGRAPHS) {
      const base = subgraphBaseUrl(supergraphSdl, name, override(name));
      if (base) bases[name] = base;
    }
    return { module: ExportsProxyModule, providers: [{ provide: EXPORT_BASES, useValue: bases }] };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(exportsProxy(this.bases)).forRoutes('exports/{*path}');
  }
}
