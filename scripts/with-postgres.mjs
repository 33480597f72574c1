// `node scripts/with-postgres.mjs <command…>`: runs the command with PEERKIT_TEST_DATABASE_URL set
// to a throw-away PostgreSQL server, made for this run in a temporary folder and removed after it.
// With PEERKIT_TEST_DATABASE_URL already set, that server is used instead (its user must be
// allowed to create databases). Finds PostgreSQL's programs by itself.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './start-test-server.mjs';

const command = process.argv.slice(2).join(' ');
if (!command) {
  console.error('usage: node scripts/with-postgres.mjs <command>');
  process.exit(2);
}

const run = (cmd) => spawnSync(cmd, { shell: true, stdio: 'inherit', env: process.env }).status ?? 1;

if (process.env.PEERKIT_TEST_DATABASE_URL) process.exit(run(command));

const NO_POSTGRES =
  'The PostgreSQL tests need PostgreSQL installed (on Debian: apt-get install -y postgresql), ' +
  'or PEERKIT_TEST_DATABASE_URL set to a server whose user may create databases.';

function findBin() {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return join(onPath, '..');
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : undefined;
}

const bin = findBin();
if (!bin) {
  console.error(NO_POSTGRES);
  process.exit(1);
}

// PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user the package made.
const asRoot = process.getuid?.() === 0;
let owner;
if (asRoot) {
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0) {
    console.error(`Running as root, the PostgreSQL server needs a "postgres" user to run as. ${NO_POSTGRES}`);
    process.exit(1);
  }
  owner = {
    uid: Number(id.stdout.trim()),
    gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim()),
  };
}
const asOwner = (args) => (asRoot ? ['runuser', '-u', 'postgres', '--', ...args] : args);
const exec = (args) => spawnSync(args[0], args.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

const dir = mkdtempSync(join(tmpdir(), 'peerkit-postgres-'));
if (owner) chownSync(dir, owner.uid, owner.gid);
const data = join(dir, 'data');
const port = await freePort();
let started = false;

function stop() {
  if (started) exec(asOwner([join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']));
  started = false;
  rmSync(dir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stop();
    process.exit(130);
  });
}

const user = asRoot ? 'postgres' : userInfo().username;
const init = exec(asOwner([join(bin, 'initdb'), '-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--no-sync']));
if (init.status !== 0) {
  console.error(`initdb failed:\n${init.stdout}${init.stderr}`);
  stop();
  process.exit(1);
}
// A server for tests: nothing here needs to survive a crash, so it does not wait for the disk.
const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
const start = exec(
  asOwner([join(bin, 'pg_ctl'), '-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']),
);
if (start.status !== 0) {
  console.error(`PostgreSQL did not start:\n${start.stdout}${start.stderr}`);
  stop();
  process.exit(1);
}
started = true;
const version = exec([join(bin, 'postgres'), '--version']).stdout.trim();
console.log(`${version}: a throw-away server on port ${port}`);
process.env.PEERKIT_TEST_DATABASE_URL = `postgres://${user}@127.0.0.1:${port}/postgres`;
const status = run(command);
stop();
process.exit(status);
