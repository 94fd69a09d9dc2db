/**
 * The web client's production build for `npm start`: rebuilt only when its sources (or the lockfile) changed since
 * the last build, so a restart costs nothing. Reports the initial JavaScript the browser downloads, gzipped.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const STAMP = '.source-hash';
/** Tests do not change what is built. */
const NOT_BUILT = /\.test\.tsx?$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return NOT_BUILT.test(entry.name) ? [] : [full];
  });
}

/** A hash of everything the build reads: the client's sources, its config and the installed versions. */
export function webSourceHash(root: string): string {
  const web = path.join(root, 'apps', 'web');
  const files = [
    ...filesUnder(path.join(web, 'src')),
    path.join(web, 'index.html'),
    path.join(web, 'vite.config.mts'),
    path.join(root, 'package-lock.json'),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
}

export function webOutDir(root: string): string {
  return path.join(root, 'dist', 'web');
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** Bytes of JavaScript (gzipped) the first page load needs: the entry chunk and what it imports statically. */
export function initialJsGzipBytes(outDir: string): number {
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  let total = 0;
  for (const key of seen) total += gzipSync(readFileSync(path.join(outDir, manifest[key].file))).length;
  return total;
}

function runVite(root: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        'apps/web/vite.config.mts',
        '--logLevel',
        'warn',
      ],
      // always the production build: under jest NODE_ENV is `test`, which would bundle React's development
      // build (about 70 KB more gzipped) and test a client nobody is served
      // aborting kills the build (SIGTERM) and rejects
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, NODE_ENV: 'production' },
        signal,
      },
    );
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with code ${code}`)),
    );
  });
}

/**
 * Builds the web client into dist/web unless the last build was of the same sources. Without the client's
 * sources (a production image holds only dist/), there is nothing to do. Aborting `signal` stops the build.
 */
export async function ensureWebBuild(
  root: string,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  if (!existsSync(path.join(root, 'apps', 'web', 'src'))) return;
  const outDir = webOutDir(root);
  const hash = webSourceHash(root);
  const stamp = path.join(outDir, STAMP);
  if (
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === hash &&
    existsSync(path.join(outDir, 'index.html'))
  ) {
    log('web client: up to date');
    return;
  }
  log('web client: building (its sources changed)...');
  const started = Date.now();
  await runVite(root, signal);
  writeFileSync(stamp, hash);
  const kb = (initialJsGzipBytes(outDir) / 1024).toFixed(1);
  log(
    `web client: built in ${((Date.now() - started) / 1000).toFixed(1)} s; initial JavaScript ${kb} KB gzipped`,
  );
}

if (require.main === module) {
  ensureWebBuild(path.resolve(__dirname, '..'), (line) => process.stdout.write(`${line}\n`)).catch(
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
