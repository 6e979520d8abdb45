import { extractiveHandoffSummary, handoffNotice } from './handoff-summary';

describe('extractiveHandoffSummary', () => {
  it('gives the ask, what the bot tried, the articles shown and the tone trend', () => {
    const summary = extractiveHandoffSummary({
      reason: 'the visitor is upset',
      trend: { label: 'frustrated', score: -0.41, negativeStreak: 2 },
      transcript: [
        { role: 'visitor', text: 'My invoice shows the wrong VAT number.' },
        { role: 'bot', text: 'You can edit the VAT number under Settings, Billing.', articles: ['Editing billing details'] },
        { role: 'visitor', text: 'That does not work, this is useless.' },
        { role: 'system', text: 'ignored' },
      ],
    });
    expect(summary).toBe(
      [
        'Escalated: the visitor is upset.',
        'The ask: "My invoice shows the wrong VAT number."',
        'Latest: "That does not work, this is useless."',
        'The bot replied 1 time:',
        '- "You can edit the VAT number under Settings, Billing."',
        'Articles shown: Editing billing details.',
        'Tone: frustrated (score -0.41, 2 negative messages in a row), over 2 visitor messages.',
      ].join('\n'),
    );
  });

  it('says so when the bot never replied', () => {
    const summary = extractiveHandoffSummary({
      reason: 'the visitor asked for a person',
      trend: { label: 'neutral', score: 0, negativeStreak: 0 },
      transcript: [{ role: 'visitor', text: 'agent please' }],
    });
    expect(summary).toContain('The bot did not reply.');
    expect(summary).toContain('Articles shown: none.');
    expect(summary).not.toContain('Latest:');
  });
});

describe('handoffNotice', () => {
  it('tells the visitor roughly when a person will reply', () => {
    expect(handoffNotice({ kind: 'staffed', expectedMinutes: 4.4 })).toMatch(/within about 4 minutes/);
    expect(handoffNotice({ kind: 'away', nextOpening: 'Monday 09:00 (Europe/Paris)', askEmail: true })).toMatch(
      /away right now; we'll reply by Monday 09:00 \(Europe\/Paris\)\. Leave your email/,
    );
    expect(handoffNotice({ kind: 'away', nextOpening: null, askEmail: false })).toBe(
      "Our team is away right now; we'll reply as soon as someone is back, here and by email.",
    );
  });
});
