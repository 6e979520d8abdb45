import { citationsForReply, numberReferences, parseCitationMarkers } from './citations';

const passage = (articleId: string, content: string, url: string | null = null) => ({
  articleId,
  title: `Article ${articleId}`,
  url,
  content,
});

describe('numberReferences', () => {
  it('numbers articles from 1 in retrieval order, joining the passages of one article', () => {
    const references = numberReferences([
      passage('b', 'Refunds take five days.'),
      passage('a', 'Orders ship in two days.', 'https://help.test/a'),
      passage('b', 'Refunds go to the card.'),
    ]);
    expect(references.map((r) => [r.number, r.articleId])).toEqual([
      [1, 'b'],
      [2, 'a'],
    ]);
    expect(references[0]?.text).toContain('Refunds take five days.');
    expect(references[0]?.text).toContain('Refunds go to the card.');
  });
});

describe('parseCitationMarkers', () => {
  it('reads [1], [2, 3] and [1][3], each number once, in order of first use', () => {
    expect(parseCitationMarkers('Refunds take 5 days [2]. Shipping is free [1][3], see [2, 3].')).toEqual([2, 1, 3]);
    expect(parseCitationMarkers('No markers here, not even [a] or [].')).toEqual([]);
  });
});

describe('citationsForReply', () => {
  const references = numberReferences([
    passage('refunds', 'Refunds are paid to the original card within five business days.', 'https://help.test/refunds'),
    passage('shipping', 'Orders ship within two business days.'),
  ]);

  it('cites only the references the reply marks', () => {
    expect(citationsForReply('You get your money back within five business days [1].', references)).toEqual([
      { articleId: 'refunds', title: 'Article refunds', url: 'https://help.test/refunds' },
    ]);
    expect(citationsForReply('It ships in two days [2] and refunds take five [1].', references).map((c) => c.articleId)).toEqual([
      'shipping',
      'refunds',
    ]);
  });

  it('ignores a number that names no reference', () => {
    expect(citationsForReply('See [7].', references)).toEqual([]);
  });

  it('cites the article an unmarked reply plainly comes from, and nothing for a reply that uses none', () => {
    expect(citationsForReply('Refunds are paid to your original card within five business days.', references)).toEqual([
      expect.objectContaining({ articleId: 'refunds' }),
    ]);
    expect(citationsForReply("I'm sorry, I don't know that. Shall I get a colleague?", references)).toEqual([]);
  });
});
