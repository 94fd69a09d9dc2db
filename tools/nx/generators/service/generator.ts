/**
 * The service generator (`npm run new:service -- <name> [--port <n> --offset <n>]`, see cli.ts): stamps a service
 * from the templates in ./files and registers it everywhere a service must be. It never overwrites a file: what
 * already exists is kept and reported as skipped (e.g. a domain library written before its service).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatFiles, updateJson, type Tree } from '@nx/devkit';

export interface ServiceGeneratorSchema {
  name: string;
  port?: number;
  offset?: number;
  /** Migration timestamp; the current time by default (fixed in tests). */
  timestamp?: number;
}

export interface ServiceGeneratorResult {
  created: string[];
  skipped: string[];
  registered: string[];
  port: number;
  offset: number;
}

/** Ports and offsets promised to services still to come (tools/services.ts reserves nothing itself). */
export const RESERVED: Readonly<Record<string, { port: number; offset: number }>> = {
  funding: { port: 3004, offset: 4 },
  community: { port: 3005, offset: 5 },
  engagement: { port: 3006, offset: 6 },
};

const NAME = /^[a-z][a-z0-9]{1,30}$/;
const FILES = path.join(__dirname, 'files');
const TEMPLATE_SUFFIX = '__tmpl__';

export function classNameOf(name: string): string {
  return name[0].toUpperCase() + name.slice(1);
}

interface RegisteredService {
  name: string;
  port: number;
  offset: number;
}

/** The entries of SERVICES in tools/services.ts, read as text (the generator must not import workspace code). */
export function registeredServices(servicesTs: string): RegisteredService[] {
  const entries: RegisteredService[] = [];
  const pattern = /name:\s*'([a-z0-9-]+)',\s*port:\s*(\d+),\s*portOffset:\s*(\d+)/g;
  for (const match of servicesTs.matchAll(pattern)) {
    entries.push({ name: match[1], port: Number(match[2]), offset: Number(match[3]) });
  }
  return entries;
}

/** The port and offset for a new service: as given, else its reservation, else the next free ones. */
export function choosePort(
  name: string,
  services: RegisteredService[],
  given: { port?: number; offset?: number },
): { port: number; offset: number } {
  const reserved = RESERVED[name];
  const taken = (candidate: { port: number; offset: number }) =>
    services.some((service) => service.port === candidate.port || service.offset === candidate.offset) ||
    Object.entries(RESERVED).some(
      ([other, slot]) => other !== name && (slot.port === candidate.port || slot.offset === candidate.offset),
    );
  let port = given.port ?? reserved?.port;
  let offset = given.offset ?? reserved?.offset;
  const subgraphs = services.filter((service) => service.name !== 'gateway');
  if (port === undefined) {
    port = Math.max(3000, ...subgraphs.map((service) => service.port)) + 1;
    while (taken({ port, offset: -1 })) port++;
  }
  if (offset === undefined) {
    offset = Math.max(0, ...subgraphs.map((service) => service.offset)) + 1;
    while (taken({ port: -1, offset })) offset++;
  }
  for (const service of services) {
    if (service.port === port)
      throw new Error(`port ${port} is already ${service.name}'s (tools/services.ts)`);
    if (service.offset === offset)
      throw new Error(`port offset ${offset} is already ${service.name}'s (tools/services.ts)`);
  }
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new Error(`--port must be 1024-65535`);
  if (!Number.isInteger(offset) || offset < 1 || offset > 99) throw new Error(`--offset must be 1-99`);
  return { port, offset };
}

function render(template: string, values: Record<string, string>): string {
  return template.replace(/<%= (\w+) %>/g, (_, key: string) => {
    if (values[key] === undefined) throw new Error(`template value ${key} is not defined`);
    return values[key];
  });
}

/** The domain's error codes (the generated enum, or the one a domain written earlier already has). */
export function errorCodes(exceptionTs: string, className: string): string[] {
  const body = new RegExp(`export enum ${className}ErrorCode \\{([\\s\\S]*?)\\n\\}`).exec(exceptionTs)?.[1];
  if (!body) throw new Error(`no "export enum ${className}ErrorCode" found in the domain's exception file`);
  return [...body.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*=/gm)].map((match) => match[1]);
}

/** A first mapping for each code by its name; the cases are the developer's to review (docs/adding-a-service.md). */
export function errorCases(codes: string[], className: string): string {
  const groups = new Map<string, string[]>();
  const add = (result: string, code: string) => groups.set(result, [...(groups.get(result) ?? []), code]);
  for (const code of codes) {
    if (code === 'INVALID_INPUT') add('return badUserInput(inputFields(error), error.message);', code);
    else if (/NOT_FOUND/.test(code))
      add(`return publicError('NOT_FOUND', error.message, { reason: code });`, code);
    else if (/FORBIDDEN|NOT_ALLOWED|NOT_AN?_|NOT_OWNER/.test(code))
      add(`return publicError('FORBIDDEN', error.message, { reason: code });`, code);
    else if (/ALREADY_|DUPLICATE|OVERLAPPING/.test(code))
      add(`return publicError('CONFLICT', error.message, { reason: code });`, code);
    else add(`return publicError('FAILED_PRECONDITION', error.message, { reason: code });`, code);
  }
  const lines: string[] = [];
  for (const [result, group] of groups) {
    for (const code of group) lines.push(`    case ${className}ErrorCode.${code}:`);
    lines.push(`      ${result}`);
  }
  return lines.join('\n');
}

/** The templates, read from disk: they belong to the generator, not to the tree being generated into. */
function templateFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...templateFiles(dir, relative));
    else out.push(relative);
  }
  return out;
}

function insertBefore(text: string, anchor: string | RegExp, insertion: string, file: string): string {
  const index = typeof anchor === 'string' ? text.indexOf(anchor) : text.search(anchor);
  if (index < 0) throw new Error(`${file}: cannot find where to register the service (${String(anchor)})`);
  return text.slice(0, index) + insertion + text.slice(index);
}

function insertAfterLast(text: string, pattern: RegExp, insertion: string, file: string): string {
  const matches = [...text.matchAll(pattern)];
  const last = matches[matches.length - 1];
  if (!last || last.index === undefined) throw new Error(`${file}: cannot find ${String(pattern)}`);
  const end = text.indexOf('\n', last.index) + 1;
  return text.slice(0, end) + insertion + text.slice(end);
}

/** Edits `file` with `edit` unless `present` says the service is already there. */
function register(
  tree: Tree,
  result: ServiceGeneratorResult,
  file: string,
  present: (text: string) => boolean,
  edit: (text: string) => string,
): void {
  const text = tree.read(file, 'utf-8');
  if (text === null) throw new Error(`${file} is missing`);
  if (present(text)) {
    result.skipped.push(`${file} (already registers the service)`);
    return;
  }
  const edited = edit(text);
  if (edited === text) throw new Error(`${file}: found no place to register the service`);
  tree.write(file, edited);
  result.registered.push(file);
}

export async function serviceGenerator(
  tree: Tree,
  schema: ServiceGeneratorSchema,
): Promise<ServiceGeneratorResult> {
  const name = schema.name;
  if (!NAME.test(name)) {
    throw new Error(
      `service name "${name}" must be 2-31 lower-case letters and digits, starting with a letter (it names a database, a Kafka principal and env variables)`,
    );
  }
  const servicesTs = tree.read('tools/services.ts', 'utf-8') ?? '';
  const services = registeredServices(servicesTs);
  if (services.some((service) => service.name === name)) {
    throw new Error(`"${name}" is already in tools/services.ts`);
  }
  const { port, offset } = choosePort(name, services, schema);
  const className = classNameOf(name);
  const timestamp = String(schema.timestamp ?? Date.now());
  const result: ServiceGeneratorResult = { created: [], skipped: [], registered: [], port, offset };

  const values: Record<string, string> = {
    name,
    className,
    constantName: name.toUpperCase(),
    port: String(port),
    offset: String(offset),
    timestamp,
    errorCases: '',
  };
  const exceptionFile = `libs/${name}/domain/src/${name}.exception.ts`;
  const templates = templateFiles(FILES);
  const targetOf = (template: string) =>
    template
      .replace(/__name__/g, name)
      .replace(/__timestamp__/g, timestamp)
      .slice(0, -TEMPLATE_SUFFIX.length);

  // the exception file first: the error mapping is written for the codes it holds, generated or already there
  const ordered = [...templates].sort((a, b) =>
    targetOf(a) === exceptionFile ? -1 : targetOf(b) === exceptionFile ? 1 : a.localeCompare(b),
  );
  for (const template of ordered) {
    const target = targetOf(template);
    if (target.endsWith('/migrations/' + `${timestamp}-${name}-schema.ts`) && hasMigrations(tree, name)) {
      result.skipped.push(`${target} (libs/${name}/data-access/src/migrations already has migrations)`);
      continue;
    }
    if (tree.exists(target)) {
      result.skipped.push(`${target} (exists)`);
      continue;
    }
    if (target === `libs/${name}/feature/src/${name}.errors.ts`) {
      values.errorCases = errorCases(
        errorCodes(tree.read(exceptionFile, 'utf-8') ?? '', className),
        className,
      );
    }
    tree.write(target, render(readFileSync(path.join(FILES, template), 'utf8'), values));
    result.created.push(target);
  }

  // a library that existed before its service keeps its index; it gains the exports of the files added to it
  for (const layer of ['domain', 'data-access', 'feature']) {
    const index = `libs/${name}/${layer}/src/index.ts`;
    if (result.created.includes(index)) continue;
    const template = templates.find((file) => targetOf(file) === index);
    const text = tree.read(index, 'utf-8') ?? '';
    const missing = render(readFileSync(path.join(FILES, template ?? ''), 'utf8'), values)
      .split('\n')
      .filter((line) => {
        const module = /^export \* from '\.\/(.+)';$/.exec(line)?.[1];
        return (
          module !== undefined &&
          !text.includes(line) &&
          result.created.includes(`libs/${name}/${layer}/src/${module}.ts`)
        );
      });
    if (missing.length === 0) continue;
    tree.write(index, `${text.trimEnd()}\n${missing.join('\n')}\n`);
    result.registered.push(`${index} (${missing.length} export${missing.length === 1 ? '' : 's'} added)`);
  }

  registerEverywhere(tree, result, { name, className, port, offset });
  await formatFiles(tree);
  return result;
}

function hasMigrations(tree: Tree, name: string): boolean {
  const dir = `libs/${name}/data-access/src/migrations`;
  return tree.exists(dir) && tree.children(dir).some((file) => file.endsWith('.ts'));
}

function registerEverywhere(
  tree: Tree,
  result: ServiceGeneratorResult,
  service: { name: string; className: string; port: number; offset: number },
): void {
  const { name, className, port, offset } = service;
  const upper = name.toUpperCase();

  register(
    tree,
    result,
    'tools/services.ts',
    (text) => text.includes(`name: '${name}',`),
    (text) =>
      insertBefore(
        text,
        /\n {2}\{\n {4}name: 'gateway',/,
        `\n  {\n    name: '${name}',\n    port: ${port},\n    portOffset: ${offset},\n    entry: 'apps/${name}/src/main.ts',\n    subgraph: true,\n    database: true,\n  },`,
        'tools/services.ts',
      ),
  );

  const pathsBefore = JSON.stringify(
    (tree.exists('tsconfig.base.json') &&
      (JSON.parse(tree.read('tsconfig.base.json', 'utf-8') ?? '{}') as { compilerOptions: { paths: object } })
        .compilerOptions.paths) ||
      {},
  );
  updateJson(tree, 'tsconfig.base.json', (json: { compilerOptions: { paths: Record<string, string[]> } }) => {
    const paths = json.compilerOptions.paths;
    const wanted: Array<[string, string[]]> = ['domain', 'data-access', 'feature'].map((layer) => [
      `@praxis/${name}/${layer}`,
      [`libs/${name}/${layer}/src/index.ts`],
    ]);
    const next: Record<string, string[]> = {};
    const pending = wanted.filter(([key]) => !(key in paths));
    for (const [key, value] of Object.entries(paths)) {
      // keep the workspace's own entries (and tools last): new ones go before @praxis/platform/service
      if (key === '@praxis/platform/service')
        for (const [newKey, newValue] of pending) next[newKey] = newValue;
      next[key] = value;
    }
    for (const [newKey, newValue] of pending) if (!(newKey in next)) next[newKey] = newValue;
    json.compilerOptions.paths = next;
    return json;
  });
  if (
    JSON.stringify(JSON.parse(tree.read('tsconfig.base.json', 'utf-8') ?? '{}').compilerOptions.paths) !==
    pathsBefore
  )
    result.registered.push('tsconfig.base.json');

  register(
    tree,
    result,
    'infra/postgres/init.sql',
    (text) => text.includes(`CREATE DATABASE praxis_${name};`),
    (text) => `${text.trimEnd()}\nCREATE DATABASE praxis_${name};\n`,
  );

  register(
    tree,
    result,
    'docker-compose.yml',
    (text) => new RegExp(`^ {2}${name}:$`, 'm').test(text),
    (text) => {
      const password = `\${PRAXIS_KAFKA_PASSWORD_${upper}:?set PRAXIS_KAFKA_PASSWORD_${upper} (npm run keys)}`;
      let next = insertAfterLast(
        text,
        /^ {6}KAFKA_PASSWORD_[A-Z0-9_]+: .*$/gm,
        `      KAFKA_PASSWORD_${upper}: ${password}\n`,
        'docker-compose.yml',
      );
      next = insertBefore(
        next,
        /^ {2}gateway:$/m,
        [
          `  ${name}:`,
          `    <<: *service`,
          `    command: ['dist/apps/${name}/src/main.js']`,
          `    environment:`,
          `      <<: *service-env`,
          `      PORT: '${port}'`,
          `      DATABASE_URL: postgres://praxis:\${POSTGRES_PASSWORD:-praxis}@postgres:5432/praxis_${name}`,
          `      KAFKA_SASL_USERNAME: ${name}`,
          `      KAFKA_SASL_PASSWORD: ${password}`,
          `      EVENT_VERIFICATION_KEYS: \${PRAXIS_EVENT_VERIFICATION_KEYS:?set PRAXIS_EVENT_VERIFICATION_KEYS (npm run keys)}`,
          '',
          '',
        ].join('\n'),
        'docker-compose.yml',
      );
      return insertAfterLast(
        next,
        /^ {6}SUBGRAPH_[A-Z0-9_]+_URL: .*$/gm,
        `      SUBGRAPH_${upper}_URL: http://${name}:${port}/graphql\n`,
        'docker-compose.yml',
      );
    },
  );

  const contract = `${className}ExampleRecordedV1`;
  register(
    tree,
    result,
    'libs/contracts/src/index.ts',
    (text) => text.includes(`./events/${name}-example-recorded-v1'`),
    (text) =>
      insertBefore(
        text,
        `export * from './topic-config';`,
        `export * from './events/${name}-example-recorded-v1';\n`,
        'libs/contracts/src/index.ts',
      ),
  );
  register(
    tree,
    result,
    'libs/contracts/src/registry.ts',
    (text) => text.includes(contract),
    (text) => {
      const withImport = insertAfterLast(
        text,
        /^import \{ \w+ \} from '\.\/events\/[a-z0-9-]+';$/gm,
        `import { ${contract} } from './events/${name}-example-recorded-v1';\n`,
        'libs/contracts/src/registry.ts',
      );
      return insertBefore(
        withImport,
        /\n\];\n\nconst byTopic/,
        `\n  // ${name}\n  ${contract},`,
        'libs/contracts/src/registry.ts',
      );
    },
  );
  register(
    tree,
    result,
    'libs/contracts/src/member-replica-consumers.ts',
    (text) => text.includes(`'${name}'`),
    (text) =>
      text.replace(
        /(export const MEMBER_REPLICA_CONSUMERS[^=]*= \[)([^\]]*)(\])/,
        (_, open: string, list: string, close: string) => {
          const names = list
            .split(',')
            .map((entry) => entry.trim())
            .filter(Boolean);
          return `${open}${[...names, `'${name}'`].join(', ')}${close}`;
        },
      ),
  );
}

/** Runs the tools that derive files from the code: the subgraph schemas and supergraph, the topic and ACL lists. */
export function regenerateDerivedFiles(root: string): void {
  for (const script of ['tools/supergraph.ts', 'tools/kafka-topics.ts']) {
    process.stdout.write(`[new:service] ${script}\n`);
    execFileSync(process.execPath, ['-r', '@swc-node/register', script], { cwd: root, stdio: 'inherit' });
  }
}

/**
 * `npx nx g ./tools/nx/generators.json:service <name>`: the same generator under Nx, which writes the files and
 * then runs the returned callback (the derived files need the new service on disk).
 */
export default async function nxServiceGenerator(tree: Tree, schema: ServiceGeneratorSchema) {
  const result = await serviceGenerator(tree, schema);
  for (const skipped of result.skipped) process.stdout.write(`skipped, already there: ${skipped}\n`);
  return () => regenerateDerivedFiles(tree.root);
}
