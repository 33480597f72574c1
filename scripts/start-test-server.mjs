import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A port nothing listens on now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the real reference server (server/main.ts) as a child process, as `npm start` does,
 * and resolves once it listens. `env` adds settings; the database is in memory unless given.
 */
export async function startServer(env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PEERKIT_DB: ':memory:', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test that fails before it stops its server must not hang the run: the server keeps the test
  // process alive only while being stopped, and is killed when that process ends.
  child.unref();
  child.stdout.unref();
  child.stderr.unref();
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  let output = '';
  await new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start in 60 s:\n${output}`)), 60_000);
    const watch = (chunk) => {
      output += chunk;
      if (output.includes('Peerkit is running at')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null) return done(child.exitCode);
      child.ref();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  return { port, origin: `http://127.0.0.1:${port}`, child, stop, output: () => output };
}
