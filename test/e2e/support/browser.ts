// Debian's Chromium driven by playwright-core, for the browser tests. A test file declares its
// suite with `describeWithBrowser`, which skips it, saying why, where Chromium is not installed
// (`.ci/run` installs it).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Http } from './parley';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `describe` where Chromium is installed; elsewhere `describe.skip` with a warning naming the suite. */
export function describeWithBrowser(name: string, suite: () => void): void {
  if (existsSync(CHROMIUM)) return describe(name, suite);
  console.warn(`"${name}" skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  describe.skip(name, suite);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile directory (playwright passes it as --user-data-dir), removed on close. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'parley-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * An inbox for `personaId` whose allowed origin is Parley's own, so the demo page it serves can
 * embed the widget; returns that demo page's URL.
 */
export async function demoPageFor(parleyUrl: string, admin: Http, personaId: string): Promise<string> {
  const inbox = await admin.post<{ publicKey: string }>('/inboxes', {
    name: 'Acme website',
    personaId,
    allowedOrigins: [new URL(parleyUrl).origin],
  });
  return `${parleyUrl}/demo.html?inbox=${inbox.body.publicKey}`;
}

/** Opens the widget's panel unless it is already open (the widget remembers its state across reloads). */
export async function openChat(page: Page): Promise<void> {
  const launcher = page.getByRole('button', { name: /(open|close) chat/i }).first();
  if (/open chat/i.test((await launcher.getAttribute('aria-label')) ?? '')) await launcher.click();
}
