import { existsSync } from 'node:fs';
import path from 'node:path';
import { Inject, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** Paths the gateway answers itself; everything else that a browser GETs is the web client. */
const API_PATHS = /^\/(graphql|health|metrics|exports)(\/|$)/;

/**
 * The web client's pages may load only their own scripts and styles and talk only to this origin. Mantine sets
 * inline `style` attributes, hence `'unsafe-inline'` for styles only.
 */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
}

/**
 * Serves the built web client (`npm run build:web` → dist/web) on the gateway's origin, so the session cookie
 * (`SameSite=Strict`, `Path=/graphql`) works without CORS. Hashed assets are cached for a year; `index.html`
 * never, and every other GET that accepts HTML gets it (client-side routes). Until the client is built, the
 * gateway says so at `/` instead of a bare 404.
 */
export function webClientMiddleware(webRoot: string): RequestHandler {
  const assets = express.static(webRoot, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders: (res, file) => {
      securityHeaders(res);
      if (file.includes(`${path.sep}assets${path.sep}`))
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  const indexFile = path.join(webRoot, 'index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    // mounted through Nest, `req.url` is relative to the mount point: the original URL names the file
    const pathname = req.originalUrl.split('?')[0];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATHS.test(pathname)) return next();
    const mounted = req.url;
    req.url = req.originalUrl;
    assets(req, res, () => {
      req.url = mounted;
      if (!req.accepts('html')) return next();
      securityHeaders(res);
      res.setHeader('Cache-Control', 'no-cache');
      if (!existsSync(indexFile)) {
        res
          .status(503)
          .type('text/plain')
          .send('The web client is not built yet: `npm start` builds it, or run `npm run build:web`.\n');
        return;
      }
      res.sendFile(indexFile);
    });
  };
}

const WEB_ROOT = Symbol('WEB_ROOT');

/** Nest middleware runs before Apollo's `/graphql` handler and Nest's routes; it passes those through. */
@Module({})
export class WebClientModule implements NestModule {
  constructor(@Inject(WEB_ROOT) private readonly webRoot: string) {}

  static forRoot(webRoot: string): DynamicModule {
    return { module: WebClientModule, providers: [{ provide: WEB_ROOT, useValue: webRoot }] };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(webClientMiddleware(this.webRoot)).forRoutes('{*path}');
  }
}
