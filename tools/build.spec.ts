import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBuild } from './build';

/** A workspace of one app and one library, with the files besides the sources that the build reads. */
async function workspace(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'praxis-build-'));
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  };
  await write(
    'tsconfig.base.json',
    JSON.stringify({ compilerOptions: { paths: { '@demo/lib': ['libs/lib/src/index.ts'] } } }),
  );
  await write('package-lock.json', '{}');
  await write('tools/build.ts', '// the build script itself is an input');
  await write('libs/lib/src/index.ts', 'export const answer: number = 42;\n');
  await write('apps/app/src/main.ts', "import { answer } from '@demo/lib';\nconsole.log(answer);\n");
  await write('apps/app/src/main.spec.ts', 'not compiled: a test\n');
  return root;
}

describe('ensureBuild (the system tests build dist/ once, then only when a source changed)', () => {
  let root = '';
  beforeEach(async () => {
    root = await workspace();
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('builds an output with no stamp, then finds it current', async () => {
    const out = path.join(root, 'dist');
    // build.ts itself and the two sources; not the test
    expect(await ensureBuild(root, out)).toBe(3);
    const main = await readFile(path.join(out, 'apps/app/src/main.js'), 'utf8');
    expect(main).toContain('require("../../../libs/lib/src")');
    expect(existsSync(path.join(out, 'apps/app/src/main.spec.js'))).toBe(false);
    expect(await ensureBuild(root, out)).toBe(0);
  });

  it('builds again when a source, the path aliases or the lockfile changed', async () => {
    const out = path.join(root, 'dist');
    await ensureBuild(root, out);
    await writeFile(path.join(root, 'libs/lib/src/index.ts'), 'export const answer: number = 43;\n');
    expect(await ensureBuild(root, out)).toBe(3);
    expect(await readFile(path.join(out, 'libs/lib/src/index.js'), 'utf8')).toContain('43');
    for (const input of ['tsconfig.base.json', 'package-lock.json']) {
      await writeFile(path.join(root, input), `${await readFile(path.join(root, input), 'utf8')}\n`);
      expect(await ensureBuild(root, out)).toBe(3);
      expect(await ensureBuild(root, out)).toBe(0);
    }
  });

  it('builds again when a source is added or an earlier build did not finish (no stamp)', async () => {
    const out = path.join(root, 'dist');
    await ensureBuild(root, out);
    await writeFile(path.join(root, 'libs/lib/src/more.ts'), 'export const more = 1;\n');
    expect(await ensureBuild(root, out)).toBe(4);
    await rm(path.join(out, '.source-hash'));
    expect(await ensureBuild(root, out)).toBe(4);
  });
});
