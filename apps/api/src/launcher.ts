// `npm start`: prepares the instance (database, migrations, first admin), then runs the API and
// the worker as two processes and prints where everything is. Ctrl-C stops both.
import { fork, type ChildProcess } from 'node:child_process';
import { ENCRYPTION_KEY_FILE, ensureEncryptionKey } from '@parley/data';
import { join } from 'node:path';
import { loadApiConfig } from './api-config';
import { DependencyUnavailableError, prepareInstance } from './bootstrap/prepare-instance';

const ROOT = join(__dirname, '..', '..', '..');
const REGISTER = join(ROOT, 'scripts', 'register.js');

function log(line: string): void {
  console.log(`[parley] ${line}`);
}

function start(name: string, entry: string): ChildProcess {
  const child = fork(join(ROOT, entry), [], { execArgv: ['-r', REGISTER], stdio: 'inherit', env: process.env });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    log(`${name} stopped (${signal ?? `exit code ${code}`}); stopping Parley`);
    shutdown(code === 0 ? 1 : (code ?? 1));
  });
  return child;
}

let stopping = false;
const children: ChildProcess[] = [];

function shutdown(code: number): void {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 5_000).unref();
  Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))))
    .then(() => process.exit(code))
    .catch(() => process.exit(code));
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

async function main(): Promise<void> {
  // Before the config is read: the API and the worker inherit the key through the environment.
  ensureEncryptionKey(process.env, join(ROOT, ENCRYPTION_KEY_FILE), log);
  const config = loadApiConfig();
  const admin = await prepareInstance(config, process.env, log);

  children.push(start('api', 'apps/api/src/main.ts'), start('worker', 'apps/worker/src/main.ts'));
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));

  const base = `http://localhost:${config.PORT}`;
  if (!(await waitForHealth(`${base}/api/v1/health`, 60_000))) return;
  log('ready');
  log(`  API        ${base}/api/v1  (health: ${base}/api/v1/health)`);
  log(`  Dashboard  ${base}/dashboard/`);
  log(`  Widget     ${base}/demo.html  (the embeddable widget: ${base}/widget.js)`);
  log(`  Admin      ${admin.adminEmail}${admin.defaultPassword ? ` / ${admin.defaultPassword}  (local default: set ADMIN_EMAIL and ADMIN_PASSWORD for a real install)` : ''}`);
  if (!process.env.OPENAI_API_KEY) {
    log('  LLM        no default provider: bots answer from knowledge articles unless an admin adds a provider (POST /api/v1/providers) or you set OPENAI_API_KEY, OPENAI_BASE_URL, LLM_MODEL');
  }
}

main().catch((error: unknown) => {
  console.error(`[parley] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof DependencyUnavailableError) && error instanceof Error && error.stack) console.error(error.stack);
  shutdown(1);
});
