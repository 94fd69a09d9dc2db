/**
 * npm run supergraph          starts the subgraphs, writes each one's SDL to apps/<name>/schema.graphql and
 *                             composes infra/supergraph.graphql (both committed)
 * npm run supergraph -- check fails when the committed supergraph is not the composition of the committed SDLs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { launchPlatform } from './launcher';
import { SUBGRAPHS } from './services';

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

export async function fetchSubgraphSdl(url: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { data?: { _service: { sdl: string } }; errors?: unknown };
  if (!body.data) throw new Error(`no SDL from ${url}: ${JSON.stringify(body.errors)}`);
  return `${body.data._service.sdl.trim()}\n`;
}

async function update(): Promise<void> {
  const platform = await launchPlatform({
    root: ROOT,
    env: {
      ...process.env,
      PRAXIS_DB_PREFIX: process.env.PRAXIS_DB_PREFIX ?? 'praxis_schema',
      LOG_LEVEL: 'warn',
    },
    only: SUBGRAPHS.map((s) => s.name),
    log: (line) => process.stdout.write(`[supergraph] ${line}\n`),
    output: () => undefined,
  });
  try {
    for (const subgraph of SUBGRAPHS) {
      const sdl = await fetchSubgraphSdl(platform.urls[subgraph.name]);
      writeFileSync(subgraphSchemaFile(subgraph.name), sdl);
      process.stdout.write(`[supergraph] wrote ${path.relative(ROOT, subgraphSchemaFile(subgraph.name))}\n`);
    }
  } finally {
    await platform.stop();
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
