import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

// ESLint loads eslint.config.mjs with a dynamic import, which jest's module sandbox refuses: lint in a child
const LINT_SAMPLES = `
const { ESLint } = require('eslint');
const samples = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
(async () => {
  // the rule reads the cached project graph; build it as \`npm run lint\` does
  await require('nx/src/devkit-exports').createProjectGraphAsync({ exitOnError: false });
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const { file, code } of samples) {
    const [result] = await eslint.lintText(code, { filePath: require('node:path').resolve(file) });
    out.push(result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

interface Sample {
  /** An existing file, so the boundary rule knows which project the sample belongs to. */
  file: string;
  code: string;
}

/** The boundary rule's messages for each sample, linted as if it were that file. */
function boundaryErrors(samples: Sample[]): string[][] {
  const output = execFileSync(process.execPath, ['-e', LINT_SAMPLES], {
    cwd: ROOT,
    input: JSON.stringify(samples),
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}

const importing = (specifier: string) =>
  `import * as imported from '${specifier}';\nexport const used = imported;\n`;
const DOMAIN = 'libs/membership/domain/src/member.rules.ts';
const FEATURE = 'libs/membership/feature/src/membership.service.ts';
const FEATURE_TEST = 'libs/membership/feature/src/membership.resolver.integration-spec.ts';
const FRAMEWORKS = ['@nestjs/common', 'typeorm', 'pg', 'kafkajs'];

describe('lint boundaries (eslint.config.mjs) refuse what they promise to refuse', () => {
  let results: string[][];

  beforeAll(() => {
    results = boundaryErrors([
      ...FRAMEWORKS.map((pkg) => ({ file: DOMAIN, code: importing(pkg) })),
      { file: FEATURE, code: importing('@praxis/platform/testing') },
      { file: FEATURE_TEST, code: importing('@praxis/platform/testing') },
      { file: 'apps/membership/src/main.ts', code: importing('@praxis/platform/local-infra') },
      { file: 'libs/platform/messaging/src/broker.ts', code: importing('@praxis/platform/local-infra') },
      { file: 'tools/launcher.ts', code: importing('@praxis/platform/local-infra') },
      { file: 'bench/run.ts', code: importing('@praxis/platform/local-infra') },
      { file: FEATURE, code: importing('@praxis/proposals/domain') },
    ]);
  }, 180000);

  it.each(FRAMEWORKS.map((pkg, index) => [pkg, index] as const))(
    'a domain library may not import %s',
    (pkg, index) => {
      expect(results[index].join('\n')).toContain(`"type:domain" is not allowed to import "${pkg}"`);
    },
  );

  it('production code may not import the testing helpers, but its tests may', () => {
    expect(results[4].join('\n')).toMatch(/"type:feature" can only depend on libs tagged with/);
    expect(results[5]).toEqual([]);
  });

  it('development-only infrastructure (local broker, embedded PostgreSQL) is out of reach of production code', () => {
    expect(results[6].join('\n')).toMatch(/"type:app" can only depend on libs tagged with/);
    expect(results[7].join('\n')).toMatch(/"type:util" can only depend on libs tagged with/);
    expect(results[8]).toEqual([]);
    expect(results[9]).toEqual([]);
  });

  it('a service may not import another service', () => {
    expect(results[10].join('\n')).toMatch(/scope:membership/);
  });
});
