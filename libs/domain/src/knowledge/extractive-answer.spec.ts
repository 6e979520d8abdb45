import { composeKnowledgeReply, extractAnswer, stem, tokenizeForSearch } from './extractive-answer';

const article = {
  title: 'Refunds and shipping',
  body: [
    '# Refunds and shipping',
    'We want you to be happy with every order.',
    '## How to request a refund',
    'You can request a refund within 30 days of delivery. Open Orders, pick the order and click "Request refund". Refunds are paid to the original payment method within 5 business days.',
    '## Shipping times',
    'Orders ship within 2 days. International shipping takes up to 10 days.',
    '## Cancelling a subscription',
    '- Open Settings.\n- Click Billing.\n- Choose "Cancel subscription".',
  ].join('\n\n'),
};

describe('tokenizeForSearch', () => {
  it('keeps content words, lowercased, stemmed, without stop words', () => {
    expect(tokenizeForSearch('How do I get my money REFUNDED?')).toEqual(['money', 'refund']);
    expect(tokenizeForSearch('Shipping to Zürich')).toEqual(['ship', 'zurich']);
  });

  it('stems the usual English endings to one form', () => {
    const same = (words: string[]) => new Set(words.map(stem)).size;
    expect(same(['refund', 'refunds', 'refunded', 'refunding'])).toBe(1);
    expect(same(['ship', 'ships', 'shipped', 'shipping'])).toBe(1);
    expect(same(['cancel', 'cancels', 'cancelled', 'canceled', 'cancelling'])).toBe(1);
    expect(same(['delivery', 'deliveries'])).toBe(1);
    expect(same(['change', 'changes', 'changed', 'changing'])).toBe(1);
  });
});

describe('extractAnswer', () => {
  it('picks the paragraph that best matches the question', () => {
    expect(extractAnswer('How do I get my money refunded?', article)).toMatch(
      /^How to request a refund\nYou can request a refund within 30 days/,
    );
    expect(extractAnswer('how long does shipping take?', article)).toContain(
      'International shipping takes up to 10 days.',
    );
  });

  it('keeps the layout of a list', () => {
    expect(extractAnswer('cancel my subscription', article)).toBe(
      'Cancelling a subscription\n- Open Settings.\n- Click Billing.\n- Choose "Cancel subscription".',
    );
  });

  it('trims a long paragraph to the best sentences, at a sentence boundary', () => {
    const excerpt = extractAnswer('which payment method gets the refund', article, 120);
    expect(excerpt).toBe('Refunds are paid to the original payment method within 5 business days.');
    expect(excerpt.length).toBeLessThanOrEqual(120);
  });

  it('cuts a single overlong sentence at a word and marks the cut', () => {
    const excerpt = extractAnswer('refund', { title: 't', body: 'refund '.repeat(100) }, 50);
    expect(excerpt.length).toBeLessThanOrEqual(50);
    expect(excerpt.endsWith('refund…')).toBe(true);
  });

  it('falls back to the opening when nothing matches', () => {
    expect(extractAnswer('what colour is the sky', article)).toBe(
      'Refunds and shipping\nWe want you to be happy with every order.',
    );
  });

  it('returns an empty string for an empty article', () => {
    expect(extractAnswer('refund', { title: 't', body: '  \n\n ' })).toBe('');
  });
});

describe('composeKnowledgeReply', () => {
  it('quotes the excerpt and names the source', () => {
    expect(composeKnowledgeReply({ title: 'Refunds' }, 'Refunds take 5 days.')).toBe(
      'Refunds take 5 days.\n\nSource: Refunds',
    );
    expect(
      composeKnowledgeReply({ title: 'Refunds', url: 'https://acme.test/refunds' }, 'Refunds take 5 days.'),
    ).toBe('Refunds take 5 days.\n\nSource: Refunds (https://acme.test/refunds)');
  });
});
