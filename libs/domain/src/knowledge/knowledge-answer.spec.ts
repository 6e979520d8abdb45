import {
  answerFromKnowledge,
  asksAboutOwnRecords,
  CLARIFY_TEXT,
  confidenceSignals,
  MIN_CONFIDENCE,
  OWN_RECORDS_TEXT,
  UNANSWERED_TEXT,
} from './knowledge-answer';

const billing = {
  articleId: 'billing',
  title: 'Changing your billing address',
  body: 'Open Settings and choose Billing.\n\nTo change your billing address, click Edit next to the address and press Save.',
  url: 'https://help.example/billing',
};
const shipping = { articleId: 'shipping', title: 'Shipping times', body: 'Orders ship within two business days.', url: null };
const refunds = {
  articleId: 'refunds',
  title: 'Requesting a refund',
  body: 'Open Orders and click "Request refund".\n\nRefunds reach your card within 5 business days.',
  url: null,
};
const twoFactor = {
  articleId: 'two-factor',
  title: 'Two-step verification',
  body: 'After your password you enter a code from an authenticator app.',
  url: null,
};
const giftCards = {
  articleId: 'gift-cards',
  title: 'Gift cards',
  body: 'Gift cards are valid for 3 years. They cannot be exchanged for cash.',
  url: null,
};

describe('answerFromKnowledge', () => {
  it('answers with the passage of the article that covers the question, and its source', () => {
    const answer = answerFromKnowledge('How do I change my billing address?', [billing, shipping]);
    expect(answer.kind).toBe('answered');
    expect(answer.article).toBe(billing);
    expect(answer.text).toContain('click Edit next to the address');
    expect(answer.text).toContain('https://help.example/billing');
  });

  it('understands the words visitors use for what the article names otherwise', () => {
    const answer = answerFromKnowledge('How many days until I get my money back?', [shipping, refunds]);
    expect(answer).toMatchObject({ kind: 'answered', article: refunds });
    expect(answer.text).toContain('Refunds reach your card within 5 business days.');
  });

  it('quotes the most confident article, not the first one retrieved', () => {
    expect(answerFromKnowledge('Can my refund go to a different card?', [billing, refunds])).toMatchObject({
      kind: 'answered',
      article: refunds,
    });
  });

  it('skips an article that shares too few of the question\u2019s words', () => {
    const answer = answerFromKnowledge('When will my order ship to Canada by express courier?', [billing]);
    expect(answer).toEqual({ kind: 'unanswered', text: UNANSWERED_TEXT });
  });

  it('does not answer a question on another subject that shares one word with an article', () => {
    expect(answerFromKnowledge('Is there a mobile app for Android phones?', [twoFactor]).kind).toBe('unanswered');
    expect(answerFromKnowledge('Do you offer gift wrapping for birthdays?', [giftCards]).kind).toBe('unanswered');
  });

  it('hands questions about the visitor\u2019s own order or payment to a person instead of quoting an article', () => {
    for (const question of ['Where is my refund for order 88231?', 'Has my refund been approved yet?']) {
      expect(answerFromKnowledge(question, [refunds])).toEqual({ kind: 'unanswered', text: OWN_RECORDS_TEXT });
    }
  });

  it('asks for more when the message has no content words', () => {
    expect(answerFromKnowledge('hi!', [billing])).toEqual({ kind: 'clarify', text: CLARIFY_TEXT });
  });

  it('answers from a passage that shares few words when its meaning is close enough', () => {
    const question = 'Is my parcel insured in transit?';
    const insurance = { title: 'Insurance', body: 'Every shipment is covered up to 500 euros.', url: null, similarity: 0.72 };
    expect(answerFromKnowledge(question, [insurance]).kind).toBe('unanswered');
    expect(answerFromKnowledge(question, [insurance], { minConfidence: MIN_CONFIDENCE, minSimilarity: 0.7 })).toMatchObject({
      kind: 'answered',
      article: insurance,
    });
    expect(answerFromKnowledge(question, [insurance], { minConfidence: MIN_CONFIDENCE, minSimilarity: 0.8 }).kind).toBe(
      'unanswered',
    );
  });
});

describe('confidenceSignals', () => {
  it('explains the confidence: coverage, best sentence, margin over the other articles', () => {
    const [refund, ship] = confidenceSignals('How many days until my refund reaches my card?', [refunds, shipping]);
    // Concepts: many, day, refund, reach, card; "many" is nowhere.
    expect(refund).toMatchObject({ coverage: 0.8, sentenceCoverage: 0.8, personal: false });
    expect(refund.margin).toBeCloseTo(0.6);
    expect(refund.confidence).toBeCloseTo(0.5 * 0.8 + 0.3 * 0.8 + 0.2 * 0.6);
    expect(ship.margin).toBeLessThan(0);
    expect(ship.confidence).toBeLessThan(MIN_CONFIDENCE);
  });

  it('gives no margin to an article whose words are as common in another one', () => {
    const twin = { ...refunds, articleId: 'refunds-copy' };
    const [first] = confidenceSignals('refund card', [refunds, twin]);
    expect(first.margin).toBe(0);
    expect(first.confidence).toBeCloseTo(0.8);
  });

  it('counts passages of one article as one candidate', () => {
    const secondPassage = { ...refunds, body: 'Refunds of gift cards go back onto the card.' };
    const [first] = confidenceSignals('refund card', [refunds, secondPassage]);
    expect(first.margin).toBe(1);
  });

  it('lowers the confidence when the words are scattered over sentences instead of said in one', () => {
    const scattered = { title: 'Orders', body: 'Your card is charged at checkout.\n\nA refund is possible for 30 days.' };
    const together = { title: 'Orders', body: 'A refund goes back to the card you paid with.' };
    const [apart] = confidenceSignals('refund to card', [scattered]);
    const [joined] = confidenceSignals('refund to card', [together]);
    expect(apart.coverage).toBe(joined.coverage);
    expect(apart.sentenceCoverage).toBeLessThan(joined.sentenceCoverage);
    expect(apart.confidence).toBeLessThan(joined.confidence);
  });

  it('has zero confidence for a question about the visitor\u2019s own records', () => {
    expect(confidenceSignals('Status of order #4512 refund', [refunds])[0]).toMatchObject({ personal: true, confidence: 0 });
  });
});

describe('asksAboutOwnRecords', () => {
  it.each([
    "What's the status of my order 4512?",
    'Where is order #88231',
    'Has my refund been approved yet?',
    'Did you receive my return?',
    'Is my parcel shipped already?',
    'my account is jane@example.com, why was I charged?',
    'Where is parcel 4512?',
    'I need invoice no. 2024-118 again',
    'tracking number 1Z999AA10123456784 shows nothing',
    'Refund for 8823145 please',
  ])('is true for %p', (question) => expect(asksAboutOwnRecords(question)).toBe(true));

  it.each([
    'Where is my package right now?',
    'How long until my refund arrives?',
    'Is express delivery available?',
    'Can I pay in 3 instalments?',
    'Do you deliver within 24 hours?',
    'Do you ship orders over 100 euros for free?',
    'Can I return a 500 euro TV?',
    'Is there a warranty on the 2024 model?',
  ])('is false for %p', (question) => expect(asksAboutOwnRecords(question)).toBe(false));
});
