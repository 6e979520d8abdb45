// The embeddable widget in a real browser (Debian's Chromium, driven by playwright-core): the
// demo page loads widget.js, a visitor asks a question, the answer and its source appear, and a
// reload resumes the conversation; a visitor attaches an image and sends it. Skipped, saying why, where Chromium is not installed; `.ci/run`
// installs it.
import { EventRecorder } from '@parley/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoPageFor, describeWithBrowser, launchBrowser, openChat, type Browser } from './support/browser';
import { bootParley, connect, createOrganization, Http, login, type Parley } from './support/parley';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describeWithBrowser('the widget in a browser', () => {
  let parley: Parley;
  let browser: Browser;
  let demoUrl: string;
  let admin: Http;
  let adminLogin: { email: string; password: string };
  let uploadDir: string;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'parley-uploads-'));
    parley = await bootParley({ env: { UPLOAD_DIR: uploadDir } });
    const org = await createOrganization(parley);
    adminLogin = org;
    admin = await login(new Http(parley.url), org.email, org.password);
    const persona = await admin.post<{ id: string }>('/personas', {
      name: 'Ava',
      instructions: 'Help with returns.',
      greeting: 'Hi, I am Ava. Ask me about returns!',
    });
    await admin.post('/knowledge/articles', {
      title: 'Returning a widget',
      body: 'You can return any widget within 30 days. Pack it in the original box and print the label from your order page.',
      url: 'https://help.example/returns',
    });
    demoUrl = await demoPageFor(parley.url, admin, persona.body.id);

    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
    if (uploadDir) rmSync(uploadDir, { recursive: true, force: true });
  });

  it('greets, answers from an article with its source, reaches agents live, and resumes after a reload', async () => {
    const agent = await connect(parley.url, '/agent', admin.token ?? '');
    const agentEvents = new EventRecorder(agent);
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    try {
      await page.goto(demoUrl);
      await page.getByRole('button', { name: /open chat/i }).click();
      await page.getByText('Hi, I am Ava. Ask me about returns!').waitFor();

      await page.getByRole('textbox', { name: 'Type your message' }).fill('How do I return my widget?');
      await page.keyboard.press('Enter');

      const log = page.getByRole('log', { name: 'Conversation' });
      await log.getByText('within 30 days', { exact: false }).waitFor();
      await log.getByRole('link', { name: /Returning a widget/ }).waitFor();
      await agentEvents.waitFor('message:new', (event: { message: { text: string } }) => event.message.text === 'How do I return my widget?');

      // The widget remembers that its panel was open.
      await page.reload();
      await openChat(page);
      await page.getByRole('log', { name: 'Conversation' }).getByText('How do I return my widget?').waitFor();
    } finally {
      agent.disconnect();
      await page.close();
    }
  });

  it('attaches an image with the attach button, previews it, sends it without text; the dashboard shows it', async () => {
    const agent = await connect(parley.url, '/agent', admin.token ?? '');
    const agentEvents = new EventRecorder(agent);
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    try {
      await page.goto(demoUrl);
      await openChat(page);

      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: 'Attach an image' }).click(),
      ]);
      await chooser.setFiles({ name: 'broken.png', mimeType: 'image/png', buffer: PNG });
      const preview = page.getByRole('list', { name: 'Images to send' }).getByRole('listitem');
      await preview.getByText('broken.png').waitFor();
      await preview.getByText('Uploading…').waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Send message' }).click();

      const sent = await agentEvents.waitFor<{ message: { conversationId: string; attachments?: Array<{ name: string }> } }>(
        'message:new',
        (event) => event.message.attachments?.[0]?.name === 'broken.png',
      );
      expect(sent.message.attachments).toHaveLength(1);
      const image = page.getByRole('log', { name: 'Conversation' }).getByRole('img', { name: 'broken.png' });
      await image.waitFor();
      // Loaded, not just present: the widget fetched the file with the visitor's token.
      await page.waitForFunction((el) => {
        const img = el as unknown as { complete: boolean; naturalWidth: number };
        return img.complete && img.naturalWidth > 0;
      }, await image.elementHandle());
      expect(await page.getByRole('list', { name: 'Images to send' }).getByRole('listitem').count()).toBe(0);

      // The agent opens the conversation in the dashboard and sees the image.
      const dashboard = await browser.context.newPage();
      dashboard.setDefaultTimeout(10_000);
      try {
        await dashboard.goto(`${parley.url}/dashboard/`);
        const signIn = dashboard.locator('#login-form');
        await signIn.getByLabel('E-mail').fill(adminLogin.email);
        await signIn.getByLabel('Password').fill(adminLogin.password);
        await signIn.getByRole('button', { name: 'Sign in' }).click();
        const conversation = await admin.get<{ status: string }>(`/conversations/${sent.message.conversationId}`);
        const tab = conversation.body.status.charAt(0).toUpperCase() + conversation.body.status.slice(1);
        await dashboard.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
        await dashboard.locator('#conv-list button').first().click();
        const shown = dashboard.getByRole('region', { name: 'Conversation' }).getByRole('img', { name: 'broken.png' });
        await shown.waitFor();
        await dashboard.waitForFunction((el) => {
          const img = el as unknown as { complete: boolean; naturalWidth: number };
          return img.complete && img.naturalWidth > 0;
        }, await shown.elementHandle());
      } finally {
        await dashboard.close();
      }
    } finally {
      agent.disconnect();
      await page.close();
    }
  });
});
