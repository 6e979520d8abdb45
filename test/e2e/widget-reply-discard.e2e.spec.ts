// A model that fails mid-stream, seen by a visitor in a real browser (Debian's Chromium, driven
// by playwright-core): the partial reply appears, is dropped on `message:discard`, and exactly one
// complete reply from the fallback model remains. Skipped, saying why, without Chromium.
import { mockReply, startMockOpenAI, type MockOpenAI } from '@parley/testing';
import { demoPageFor, describeWithBrowser, launchBrowser, type Browser } from './support/browser';
import { bootParley, createOrganization, Http, login, type Parley } from './support/parley';


describeWithBrowser('a reply cut mid-stream, in the widget', () => {
  let llm: MockOpenAI;
  let parley: Parley;
  let browser: Browser;
  let demoUrl: string;

  beforeAll(async () => {
    llm = await startMockOpenAI();
    parley = await bootParley({ llmBaseUrl: llm.baseUrl });
    const org = await createOrganization(parley);
    const admin = await login(new Http(parley.url), org.email, org.password);
    const persona = await admin.post<{ id: string }>('/personas', {
      name: 'Ava',
      instructions: 'Help with returns.',
      model: 'cut-model',
      fallbackModels: ['whole-model'],
    });
    demoUrl = await demoPageFor(parley.url, admin, persona.body.id);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
    await llm?.close();
  });

  it('shows the partial reply, drops it, and keeps one complete reply', async () => {
    const partial = ['Unfinished ', 'answer ', 'about ', 'returns ', 'that ', 'breaks'];
    llm.setDefaultReply((request) =>
      request.body.model === 'cut-model'
        ? mockReply.cut(partial.join(''), 5, { chunks: partial, chunkDelayMs: 250 })
        : mockReply.text('Returns are free within 30 days.'),
    );
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    try {
      await page.goto(demoUrl);
      await page.getByRole('button', { name: /open chat/i }).click();
      await page.getByRole('textbox', { name: 'Type your message' }).fill('How do returns work?');
      await page.keyboard.press('Enter');

      const log = page.getByRole('log', { name: 'Conversation' });
      await log.getByText('Unfinished answer', { exact: false }).waitFor();
      // The discard arrives before the fallback's first chunk: once the answer shows, the partial is gone.
      await log.getByText('Returns are free', { exact: false }).waitFor();
      expect(await log.getByText('Unfinished answer', { exact: false }).count()).toBe(0);
      await log.getByText('Returns are free within 30 days.').waitFor();
      expect(await log.getByText('Returns are free within 30 days.').count()).toBe(1);
      expect(await log.getByText('Unfinished answer', { exact: false }).count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
