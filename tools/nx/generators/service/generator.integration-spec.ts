import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const NAME = 'sample';

/** Files the generator edits to register a service (restored on removal; compared by the registration tests). */
const REGISTRATION_FILES = [
  // derived from the code by the generator's own run of npm run supergraph and npm run topics
  'infra/supergraph.graphql',
  'infra/kafka/topics.txt',
  'infra/kafka/acls.txt',
  'tools/services.ts',
  'tsconfig.base.json',
  'docker-compose.yml',
  'infra/postgres/init.sql',
  'libs/contracts/src/index.ts',
  'libs/contracts/src/registry.ts',
  'libs/contracts/src/member-replica-consumers.ts',
];

/**
 * The generator's proof: a throwaway service generated in a temporary copy of the workspace (its tracked files,
 * node_modules linked) passes lint, typecheck, its unit and its integration tests (real PostgreSQL and the broker
 * this run already provides); deleting its folders and registrations leaves a workspace that passes again.
 */
describe('npm run new:service in a temporary copy of the workspace', () => {
  let copy: string;
  const steps: string[] = [];

  /** Runs a command in the copy; on failure the assertion shows its output. */
  function run(command: string, args: string[], env: Record<string, string> = {}): void {
    const started = Date.now();
    const result = spawnSync(command, args, {
      cwd: copy,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...env },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300000,
    });
    steps.push(
      `${[command, ...args].join(' ').replace(process.execPath, 'node')}: ${Date.now() - started} ms`,
    );
    expect(`${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`).toMatch(
      /exited 0\n/,
    );
  }
  const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'praxis-generator-'));
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
      .split('\0')
      .filter((file) => file !== '' && existsSync(path.join(ROOT, file)));
    for (const file of files) {
      mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      copyFileSync(path.join(ROOT, file), path.join(copy, file));
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  });

  afterAll(() => {
    process.stderr.write(`[generator proof] ${steps.join('\n[generator proof] ')}\n`);
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('generates a service whose lint, typecheck, unit and integration tests pass, and removes it cleanly', () => {
    const originals = new Map(
      REGISTRATION_FILES.map((file) => [file, readFileSync(path.join(copy, file), 'utf8')]),
    );
    run(process.execPath, ['-r', '@swc-node/register', 'tools/nx/generators/service/cli.ts', NAME]);
    const generated = [
      `apps/${NAME}`,
      `libs/${NAME}`,
      `apps/platform-e2e/src/${NAME}.e2e-spec.ts`,
      `libs/contracts/src/events/${NAME}-example-recorded-v1`,
    ];
    for (const piece of [...generated, `apps/${NAME}/schema.graphql`])
      expect(`${piece}: ${existsSync(path.join(copy, piece))}`).toBe(`${piece}: true`);
    expect(readFileSync(path.join(copy, 'infra/supergraph.graphql'), 'utf8')).toContain(`${NAME}Examples`);

    const lintTargets = [...generated, 'libs/contracts/src', 'tools/services.ts'];
    run(bin('nx'), ['show', 'projects']);
    run(bin('eslint'), ['--max-warnings', '0', ...lintTargets]);
    run(bin('prettier'), ['--check', '--ignore-unknown', ...lintTargets, ...REGISTRATION_FILES]);
    const typecheck = ['-p', 'tsconfig.json', '--noEmit'];
    run(bin('tsc'), typecheck);
    run(bin('jest'), [
      '-c',
      'jest.unit.config.js',
      `apps/${NAME}`,
      `libs/${NAME}`,
      'tools/services.registration.spec.ts',
      'tools/kafka-topics.spec.ts',
      'tools/supergraph.spec.ts',
    ]);
    // the copy's integration tier uses this run's PostgreSQL and broker (provided by the global setup)
    run(bin('jest'), ['-c', 'jest.integration.config.js', `libs/${NAME}`], {
      DATABASE_URL: process.env.PRAXIS_TEST_POSTGRES_URL ?? '',
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '',
    });

    // removal: the service's folders and the lines the generator added (the derived files come back with them;
    // supergraph.spec and kafka-topics.spec below check they are what the code now produces)
    for (const piece of generated) rmSync(path.join(copy, piece), { recursive: true, force: true });
    for (const [file, text] of originals) writeFileSync(path.join(copy, file), text);
    run(bin('eslint'), ['--max-warnings', '0', 'libs/contracts/src', 'tools']);
    run(bin('tsc'), typecheck);
    run(bin('jest'), [
      '-c',
      'jest.unit.config.js',
      'tools/services.registration.spec.ts',
      'tools/kafka-topics.spec.ts',
      'tools/supergraph.spec.ts',
    ]);
  }, 900000);
});
