import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runParallel } from './parallel';

describe('tools/parallel (npm test runs its checks side by side)', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'praxis-parallel-'));
    const scripts = {
      // the slow one starts first and ends last: its output must still come whole, after the quick one's
      slow: "node -e \"setTimeout(() => { console.log('slow one'); console.log('slow two'); }, 1500)\"",
      quick: 'node -e "console.log(\'quick\')"',
      broken: 'node -e "console.error(\'broken says why\'); process.exit(3)"',
    };
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'parallel-fixture', scripts }));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the scripts at once and prints each one whole when it ends', async () => {
    const printed: string[] = [];
    const failed = await runParallel(['slow', 'quick'], (text) => printed.push(text), dir);
    expect(failed).toEqual([]);
    expect(printed).toHaveLength(2);
    // the quick one, listed second, is printed first: it did not wait for the slow one
    expect(printed[0]).toMatch(/> npm run quick: passed in [\d.]+ s\nquick\n/);
    expect(printed[1]).toMatch(/> npm run slow: passed in [\d.]+ s\nslow one\nslow two\n/);
  }, 60000);

  it('names the scripts that failed, with their output and exit code', async () => {
    const printed: string[] = [];
    const failed = await runParallel(['quick', 'broken'], (text) => printed.push(text), dir);
    expect(failed).toEqual(['broken']);
    expect(printed.join('')).toMatch(/> npm run broken: FAILED \(exit 3\) in [\d.]+ s\nbroken says why\n/);
  }, 60000);
});
