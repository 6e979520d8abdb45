// The escalation parts of the dashboard in a real browser (Debian's Chromium, driven by
// playwright-core): an agent sees the handoff summary of a waiting conversation, and an admin reads
// a persona's rules and dry-runs a transcript. Skipped, saying why, where Chromium is missing.
import { waitForQueueIdle } from '@parley/testing';
import { describeWithBrowser, launchBrowser, type Browser } from './support/browser';
import { bootParley, connect, createOrganization, emitWithAck, Http, login, type Parley } from './support/parley';

const ORIGIN = 'https://shop.example';

describeWithBrowser('the dashboard shows escalations and edits rules', () => {
  let parley: Parley;
  let browser: Browser;
  let org: { email: string; password: string };

  beforeAll(async () => {
    parley = await bootParley();
    org = await createOrganization(parley);
    const http = new Http(parley.url);
    const admin = await login(http, org.email, org.password);
    const persona = await admin.post<{ id: string }>('/personas', { name: 'Sam', instructions: 'Help.' });
    const inbox = await admin.post<{ publicKey: string }>('/inboxes', { name: 'Shop', personaId: persona.body.id, allowedOrigins: [ORIGIN] });
    const session = await http.post<{ visitorToken: string }>('/widget/session', { inboxKey: inbox.body.publicKey }, { origin: ORIGIN });
    const visitor = await connect(parley.url, '/widget', session.body.visitorToken, ORIGIN);
    await emitWithAck(visitor, 'message:send', { clientMessageId: 'd-1', text: 'agent please, my parcel never came' });
    await waitForQueueIdle(parley.jobs.queue);
    visitor.disconnect();

    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });

  it('shows the handoff summary, the rules, and a dry run', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    try {
      await page.goto(`${parley.url}/dashboard/`);
      const loginForm = page.locator('#login-form');
      await loginForm.getByLabel('E-mail').fill(org.email);
      await loginForm.getByLabel('Password').fill(org.password);
      await page.getByRole('button', { name: 'Sign in' }).click();

      await page.locator('#conv-list button').first().click();
      const summary = page.getByLabel('Handoff summary');
      await summary.waitFor();
      await expect(summary.textContent()).resolves.toContain('The ask: "agent please, my parcel never came"');

      await page.getByRole('button', { name: 'Setup' }).click();
      await page.getByText('Escalation rules', { exact: true }).click();
      // The rules load when the section opens; wait for them in the textarea.
      await page.waitForFunction(`(document.querySelector('textarea[aria-label="Escalation rules of Sam"]')?.value ?? '').includes('"Legal threat"')`);
      await page.getByLabel('Dry-run transcript').fill('Where is my parcel?\nIf it is not here tomorrow I will sue you.');
      await page.getByRole('button', { name: 'Dry run' }).click();
      await page.getByText('Escalates at #2 (Legal threat)', { exact: false }).waitFor();
    } finally {
      await page.close();
    }
  });
});
