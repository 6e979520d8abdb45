// The widget's email request in a real browser (Debian's Chromium, driven by playwright-core): with
// nobody online, a visitor who asks for a person is told when to expect a reply and gets an email
// field; the address they leave reaches the agents. Skipped, saying why, where Chromium is missing.
import type { ConversationView } from '@parley/contracts';
import { demoPageFor, describeWithBrowser, launchBrowser, openChat, type Browser } from './support/browser';
import { bootParley, createOrganization, Http, login, type Parley } from './support/parley';


describeWithBrowser('the widget asks for an email when nobody can answer', () => {
  let parley: Parley;
  let browser: Browser;
  let demoUrl: string;
  let admin: Http;

  beforeAll(async () => {
    parley = await bootParley();
    const org = await createOrganization(parley);
    admin = await login(new Http(parley.url), org.email, org.password);
    const persona = await admin.post<{ id: string }>('/personas', { name: 'Ava', instructions: 'Help with returns.' });
    demoUrl = await demoPageFor(parley.url, admin, persona.body.id);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.close();
  });

  it('shows an email field under the handoff notice and stores what the visitor types', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    try {
      await page.goto(demoUrl);
      await page.getByRole('button', { name: /open chat/i }).click();
      await page.getByRole('textbox', { name: 'Type your message' }).fill('I want to talk to a real human');
      await page.keyboard.press('Enter');

      const log = page.getByRole('log', { name: 'Conversation' });
      await log.getByText(/away right now/).waitFor();
      await log.getByRole('textbox', { name: 'Your email' }).fill('carla@example.com');
      await log.getByRole('button', { name: 'Send' }).click();
      await log.getByText("Thanks! We'll also reply to carla@example.com.").waitFor();
      await log.getByRole('textbox', { name: 'Your email' }).waitFor({ state: 'detached' });

      const waiting = await admin.get<{ items: ConversationView[] }>('/conversations?status=waiting');
      expect(waiting.body.items.map((item) => item.visitor.email)).toEqual(['carla@example.com']);

      // After a reload the notice is back from the server, but the email is not asked for again.
      await page.reload();
      await openChat(page);
      await page.getByRole('log', { name: 'Conversation' }).getByText("Thanks! We'll also reply to carla@example.com.").waitFor();
      await expect(page.getByRole('log', { name: 'Conversation' }).getByText(/away right now/).count()).resolves.toBe(1);
      await expect(page.getByRole('textbox', { name: 'Your email' }).count()).resolves.toBe(0);
    } finally {
      await page.close();
    }
  });
});
