/**
 * `node -r @swc-node/register tools/parallel.ts <script>…`: runs npm scripts side by side (the checks of `npm test`
 * are single-threaded, so two at a time use both cores of a small CI machine). Each script's output is printed
 * whole when it ends, so the logs do not interleave; the exit code is 1 if any script failed, and the failed ones
 * are named last.
 */
import { spawn } from 'node:child_process';

export interface ScriptResult {
  script: string;
  code: number | null;
  output: string;
  seconds: number;
}

/** Runs one npm script with its output collected; resolves when it ends. */
export function runScript(script: string, cwd = process.cwd()): Promise<ScriptResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', (code) =>
      resolve({
        script,
        code,
        output: Buffer.concat(chunks).toString('utf8'),
        seconds: (Date.now() - started) / 1000,
      }),
    );
  });
}

/** Runs the scripts side by side; prints each one's output as it ends; resolves with those that failed. */
export async function runParallel(
  scripts: string[],
  write: (text: string) => void = (text) => process.stdout.write(text),
  cwd = process.cwd(),
): Promise<string[]> {
  const results = await Promise.all(
    scripts.map((script) =>
      runScript(script, cwd).then((result) => {
        const status = result.code === 0 ? 'passed' : `FAILED (exit ${result.code})`;
        write(`\n> npm run ${script}: ${status} in ${result.seconds.toFixed(1)} s\n${result.output}`);
        return result;
      }),
    ),
  );
  return results.filter((result) => result.code !== 0).map((result) => result.script);
}

if (require.main === module) {
  const scripts = process.argv.slice(2);
  if (scripts.length === 0) {
    process.stderr.write('usage: tools/parallel.ts <npm script>…\n');
    process.exit(2);
  }
  void runParallel(scripts).then((failed) => {
    if (failed.length > 0) {
      process.stderr.write(`\nfailed: ${failed.map((script) => `npm run ${script}`).join(', ')}\n`);
      process.exit(1);
    }
  });
}
