/**
 * npm run build [-- --out <dir>]: compiles every app, library and tool to plain CommonJS under dist/ (or <dir>),
 * mirroring the source tree, so production runs `node dist/apps/<service>/src/main.js` with no loader.
 * SWC does it (the same transform as the tests and the register hook) and rewrites the tsconfig path aliases
 * to relative requires; type checking stays with `npm run typecheck`.
 */
import { transformFile, type Options } from '@swc/core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
/** What is compiled; tests and the system-test app are not part of the output. */
const SOURCE_DIRS = ['apps', 'libs', 'tools'];
const SKIPPED = /\.(spec|integration-spec|e2e-spec|system-spec)\.ts$|\.d\.ts$/;
const SKIPPED_DIRS = new Set(['node_modules', 'platform-e2e', 'web-e2e']);
/** The web client is bundled by Vite (`npm run build:web`), not compiled here. */
const SKIPPED_PATHS = new Set([path.join('apps', 'web')]);
/** Non-TypeScript files the compiled code loads at run time, copied beside it. */
const ASSETS = /\.(mjs|cjs)$/;
/** In the output: the hash of what the last complete build compiled (see ensureBuild). */
const STAMP = '.source-hash';
/** Besides the sources, what changes the output: the path aliases, the transform's version and this file. */
const BUILD_INPUTS = ['tsconfig.base.json', 'package-lock.json', path.join('tools', 'build.ts')];

export function swcOptions(root: string): Options {
  const { compilerOptions } = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return {
    swcrc: false,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      baseUrl: root,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: true,
  };
}

async function sourceFiles(dir: string, root: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory())
        return SKIPPED_DIRS.has(entry.name) || SKIPPED_PATHS.has(path.relative(root, full))
          ? []
          : sourceFiles(full, root);
      if (entry.name.endsWith('.ts') && !SKIPPED.test(entry.name)) return [full];
      if (ASSETS.test(entry.name)) return [full];
      return [];
    }),
  );
  return nested.flat();
}

async function allSourceFiles(root: string): Promise<string[]> {
  return (await Promise.all(SOURCE_DIRS.map((dir) => sourceFiles(path.join(root, dir), root)))).flat();
}

/** A hash of everything the build reads (paths and contents), in a stable order. */
async function sourceHash(root: string, files: string[]): Promise<string> {
  const inputs = [...files.map((file) => path.relative(root, file)), ...BUILD_INPUTS].sort();
  const contents = await Promise.all(inputs.map((file) => readFile(path.join(root, file))));
  const hash = createHash('sha256');
  inputs.forEach((file, i) => hash.update(file).update('\0').update(contents[i]).update('\0'));
  return hash.digest('hex');
}

/**
 * Compiles the workspace at `root` into `outDir`; returns the number of files written. The output is stamped
 * with the hash of its sources once complete (a build that fails or is cut short leaves no stamp).
 */
export async function build(root: string, outDir: string): Promise<number> {
  await rm(path.join(outDir, STAMP), { force: true });
  await Promise.all(SOURCE_DIRS.map((dir) => rm(path.join(outDir, dir), { recursive: true, force: true })));
  const files = await allSourceFiles(root);
  const hash = await sourceHash(root, files);
  const options = swcOptions(root);
  await Promise.all(
    files.map(async (file) => {
      const relative = path.relative(root, file);
      const target = path.join(outDir, relative);
      await mkdir(path.dirname(target), { recursive: true });
      if (!file.endsWith('.ts')) return copyFile(file, target);
      const output = await transformFile(file, { ...options, filename: file, outputPath: target });
      const js = target.replace(/\.ts$/, '.js');
      await writeFile(js, `${output.code}\n//# sourceMappingURL=${path.basename(js)}.map\n`);
      if (output.map) await writeFile(`${js}.map`, output.map);
    }),
  );
  await writeFile(path.join(outDir, STAMP), hash);
  return files.length;
}

/**
 * Builds `outDir` unless its stamp says it holds a complete build of the current sources (what the system tests
 * need before each platform start: the first one builds, the rest find it current). Resolves with the number of
 * files compiled, 0 when the output was current.
 */
export async function ensureBuild(root: string, outDir: string): Promise<number> {
  const hash = await sourceHash(root, await allSourceFiles(root));
  const stamp = await readFile(path.join(outDir, STAMP), 'utf8').catch(() => '');
  return stamp === hash ? 0 : build(root, outDir);
}

if (require.main === module) {
  const outFlag = process.argv.indexOf('--out');
  const outDir = path.resolve(outFlag >= 0 ? process.argv[outFlag + 1] : path.join(ROOT, 'dist'));
  const started = Date.now();
  build(ROOT, outDir)
    .then((count) => {
      process.stdout.write(
        `built ${count} files into ${path.relative(ROOT, outDir) || '.'} in ${Date.now() - started} ms\n`,
      );
    })
    .catch((error: unknown) => {
      process.stderr.write(`build failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
}
