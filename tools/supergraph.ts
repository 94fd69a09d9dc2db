/**
 * npm run supergraph          builds each subgraph's SDL in this process from its Nest module (no ports, no
 *                             database, no broker), writes it to apps/<name>/schema.graphql and composes
 *                             infra/supergraph.graphql (both committed)
 * npm run supergraph -- check fails when the committed supergraph is not the composition of the committed SDLs
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS, type ServiceEntry } from './services';

const ROOT = path.resolve(__dirname, '..');
export const SUPERGRAPH_FILE = path.join(ROOT, 'infra', 'supergraph.graphql');

export function subgraphSchemaFile(name: string): string {
  return path.join(ROOT, 'apps', name, 'schema.graphql');
}

export function composeSupergraph(subgraphs: Array<{ name: string; url: string; sdl: string }>): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  if (result.errors) {
    throw new Error(
      `supergraph composition failed:\n  ${result.errors.map((error) => error.message).join('\n  ')}`,
    );
  }
  return result.supergraphSdl;
}

export function composeCommitted(): string {
  return composeSupergraph(
    SUBGRAPHS.map((s) => ({
      name: s.name,
      url: `http://localhost:${s.port}/graphql`,
      sdl: readFileSync(subgraphSchemaFile(s.name), 'utf8'),
    })),
  );
}

/**
 * The SDL of a subgraph as its service would serve it: its entry point with `--print-schema` builds the schema
 * from its Nest module in that process (no port, database or broker) and prints it. A process per subgraph,
 * because Nest keeps code-first types in a process-wide registry where two services' `Member` would collide.
 */
export function buildSubgraphSchema(subgraph: ServiceEntry): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', path.join(ROOT, subgraph.entry), '--print-schema'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${subgraph.name}: ${stderr || error.message}`)) : resolve(stdout),
    );
  });
}

async function update(): Promise<void> {
  const schemas = await Promise.all(SUBGRAPHS.map(buildSubgraphSchema));
  for (const [index, subgraph] of SUBGRAPHS.entries()) {
    writeFileSync(subgraphSchemaFile(subgraph.name), schemas[index]);
    process.stdout.write(`[supergraph] wrote ${path.relative(ROOT, subgraphSchemaFile(subgraph.name))}\n`);
  }
  writeFileSync(SUPERGRAPH_FILE, composeCommitted());
  process.stdout.write(`[supergraph] wrote ${path.relative(ROOT, SUPERGRAPH_FILE)}\n`);
}

function check(): void {
  if (composeCommitted() !== readFileSync(SUPERGRAPH_FILE, 'utf8')) {
    throw new Error(
      'infra/supergraph.graphql is not the composition of apps/*/schema.graphql: run npm run supergraph',
    );
  }
  process.stdout.write('supergraph matches the committed subgraph schemas\n');
}

if (require.main === module) {
  (process.argv[2] === 'check' ? Promise.resolve(check()) : update())
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
