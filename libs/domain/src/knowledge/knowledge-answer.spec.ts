import { answerFromKnowledge, CLARIFY_TEXT, MIN_COVERAGE, UNANSWERED_TEXT } from './knowledge-answer';

const billing = {
  title: 'Changing your billing address',
  body: 'Open Settings and choose Billing.\n\nTo change your billing address, click Edit next to the address and press Save.',
  url: 'https://help.example/billing',
};
const shipping = { title: 'Shipping times', body: 'Orders ship within two business days.', url: null };

describe('answerFromKnowledge', () => {
  it('answers with the passage of the first article that covers the question, and its source', () => {
    const answer = answerFromKnowledge('How do I change my billing address?', [billing, shipping]);
    expect(answer.kind).toBe('answered');
    expect(answer.article).toBe(billing);
    expect(answer.text).toContain('click Edit next to the address');
    expect(answer.text).toContain('https://help.example/billing');
  });

  it('skips an article that shares too few of the question\u2019s words', () => {
    const answer = answerFromKnowledge('When will my order ship to Canada by express courier?', [billing]);
    expect(answer).toEqual({ kind: 'unanswered', text: UNANSWERED_TEXT });
  });

  it('asks for more when the message has no content words', () => {
    expect(answerFromKnowledge('hi!', [billing])).toEqual({ kind: 'clarify', text: CLARIFY_TEXT });
  });

  it('answers from a passage that shares few words when its meaning is close enough', () => {
    const question = 'When do I get my money back?';
    const refund = { title: 'Refunds', body: 'A refund is paid within 5 business days.', url: null, similarity: 0.72 };
    expect(answerFromKnowledge(question, [refund]).kind).toBe('unanswered');
    expect(answerFromKnowledge(question, [refund], { minCoverage: MIN_COVERAGE, minSimilarity: 0.7 })).toMatchObject({
      kind: 'answered',
      article: refund,
    });
    expect(answerFromKnowledge(question, [refund], { minCoverage: MIN_COVERAGE, minSimilarity: 0.8 }).kind).toBe('unanswered');
  });
});
