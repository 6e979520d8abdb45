import { conceptsOf, expandQuestion } from './support-vocabulary';

describe('conceptsOf', () => {
  it('folds the words visitors use and the words articles use to one concept', () => {
    const same = (a: string, b: string) => expect(conceptsOf(a)).toEqual(conceptsOf(b));
    same('money back', 'refund');
    same('reimbursed', 'refunds');
    same('log in', 'password');
    same('signing in', 'password');
    same('voucher', 'discount');
    same('2FA', 'two-step');
    same('stop', 'cancelled');
    same('e-mail', 'mailbox');
    same('sent it back', 'return');
  });

  it('keeps other words as they are, stemmed, without stop words', () => {
    expect(conceptsOf('How do I change my billing address?')).toEqual(['chang', 'bil', 'adres']);
  });

  it('keeps a gift voucher a gift card, not a discount code', () => {
    expect(conceptsOf('gift voucher')).toEqual(conceptsOf('gift card'));
  });
});

describe('expandQuestion', () => {
  it('adds the synonyms of the question\u2019s words for full-text search', () => {
    expect(expandQuestion('When do I get my money back?')).toMatch(/^When do I get my money back\? .*\brefund\b.*\breimbursement\b/);
  });

  it('leaves a question with no support word unchanged', () => {
    expect(expandQuestion('Who is your CEO?')).toBe('Who is your CEO?');
  });
});
