/**
 * npm run new:service -- <name> [--port <n>] [--offset <n>] [--dry-run]
 *
 * Runs the service generator (generator.ts) on the workspace, writes the files, then regenerates what is derived
 * from the code: the subgraph schemas and the supergraph (`npm run supergraph`) and the topic and ACL lists
 * (`npm run topics`). Prints what it created, what it registered and what it skipped because it already existed.
 */
import path from 'node:path';
import type { FileChange, Tree } from '@nx/devkit';
import { regenerateDerivedFiles, serviceGenerator } from './generator';

// nx's file-system tree (what `nx g` runs generators on); not in @nx/devkit's public types
const { FsTree, flushChanges } = require('nx/src/generators/tree') as {
  FsTree: new (root: string, verbose: boolean) => Tree;
  flushChanges: (root: string, changes: FileChange[]) => void;
};

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export function parseArgs(argv: string[]): { name: string; port?: number; offset?: number; dryRun: boolean } {
  const positional: string[] = [];
  const options: { port?: number; offset?: number; dryRun: boolean } = { dryRun: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const [flag, inline] = arg.split('=', 2);
    const value = () => {
      const raw = inline ?? argv[++index];
      const number = Number(raw);
      if (raw === undefined || !Number.isInteger(number)) throw new Error(`${flag} needs an integer`);
      return number;
    };
    if (flag === '--port') options.port = value();
    else if (flag === '--offset') options.offset = value();
    else if (flag === '--dry-run') options.dryRun = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) {
    throw new Error('usage: npm run new:service -- <name> [--port <n>] [--offset <n>] [--dry-run]');
  }
  return { name: positional[0], ...options };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const tree = new FsTree(ROOT, false);
  const result = await serviceGenerator(tree, args);
  const list = (title: string, items: string[]) =>
    process.stdout.write(`${title} (${items.length}):\n${items.map((item) => `  ${item}\n`).join('')}`);
  list('created', result.created);
  list('registered in', result.registered);
  list('skipped, already there', result.skipped);
  process.stdout.write(`port ${result.port}, port offset ${result.offset}\n`);
  if (args.dryRun) {
    process.stdout.write('dry run: nothing written\n');
    return;
  }
  flushChanges(ROOT, tree.listChanges());
  regenerateDerivedFiles(ROOT);
  process.stdout.write(
    `\n${args.name} is generated and registered. Next: docs/adding-a-service.md ("After generating").\n`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`new:service: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
