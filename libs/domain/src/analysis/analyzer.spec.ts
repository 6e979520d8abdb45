import { analyzeMessage } from './analyzer';

const tone = (text: string) => analyzeMessage(text).tone;
const intent = (text: string) => analyzeMessage(text).intent;

describe('analyzeMessage: tone', () => {
  it.each([
    ['thanks, that helped', 'positive'],
    ['Great, thank you so much!', 'positive'],
    ['it works now :)', 'positive'],
    ['👍', 'positive'],
    ['Where is my order?', 'neutral'],
    ['How do I reset my password?', 'neutral'],
    ['no thanks, that is all', 'neutral'],
    ['I am not happy with this', 'frustrated'],
    ['This is very disappointing', 'frustrated'],
    ["my order still hasn't arrived", 'frustrated'],
    ['The agent was nice but the app is broken', 'frustrated'],
    ['This is unacceptable!!! I am furious', 'angry'],
    ['WHY IS THIS STILL NOT WORKING', 'angry'],
    ['this is a fucking joke', 'angry'],
    ['I am sick of this, total scam', 'angry'],
    ['😡😡', 'angry'],
  ])('%s → %s', (text, label) => {
    expect(tone(text).label).toBe(label);
  });

  it('turns a positive word negative when it is negated', () => {
    expect(tone('happy').score).toBeGreaterThan(0);
    expect(tone('not happy').score).toBeLessThan(0);
    expect(tone("I don't like it, not good at all").label).toBe('frustrated');
  });

  it('weakens a negated negative word instead of making it glowing', () => {
    const notBad = tone('not bad');
    expect(notBad.score).toBeGreaterThan(0);
    expect(notBad.score).toBeLessThan(tone('good').score);
    expect(tone("I'm not angry, just confused").label).not.toBe('angry');
  });

  it('amplifies with intensifiers, capitals and exclamation marks', () => {
    const plain = tone('this is bad').score;
    expect(tone('this is very bad').score).toBeLessThan(plain);
    expect(tone('this is BAD').score).toBeLessThan(plain);
    expect(tone('this is bad!!!').score).toBeLessThan(plain);
    expect(tone('this is great!!!').score).toBeGreaterThan(tone('this is great').score);
  });

  it('reads shouting as frustration even without negative words', () => {
    expect(tone('WHERE IS MY ORDER').label).toBe('frustrated');
    expect(tone('WHERE IS MY ORDER!!!').label).toBe('angry');
  });

  it('needs an anger marker to call a message angry', () => {
    expect(tone('This is the worst experience, terrible').label).toBe('frustrated');
    expect(tone('This is the worst experience, terrible, I hate it').label).toBe('angry');
  });

  it('keeps the score within -1..1', () => {
    const scores = [
      'FUCK THIS SHIT!!!! WORST SCAM EVER 😡😡😡 I HATE YOU, DISGUSTING LIARS',
      'AMAZING!!!! THANK YOU SO MUCH 😍😍😍 PERFECT WONDERFUL EXCELLENT',
    ].map((text) => tone(text).score);
    expect(scores[0]).toBeGreaterThanOrEqual(-1);
    expect(scores[0]).toBeLessThan(-0.9);
    expect(scores[1]).toBeLessThanOrEqual(1);
    expect(scores[1]).toBeGreaterThan(0.9);
  });

  it('is deterministic', () => {
    const text = 'This is not working AGAIN!! I want my money back';
    expect(analyzeMessage(text)).toEqual(analyzeMessage(text));
  });
});

describe('analyzeMessage: intent', () => {
  it.each([
    ['can I talk to a person', 'human_request'],
    ['I will sue you', 'legal_threat'],
    ['my lawyer will hear about this', 'legal_threat'],
    ["I'm taking legal action", 'legal_threat'],
    ['see you in small claims court', 'legal_threat'],
    ['I want a refund', 'refund'],
    ['I want my money back', 'refund'],
    ['will you reimburse the shipping?', 'refund'],
    ['cancel my subscription', 'cancel'],
    ['please close my account', 'cancel'],
    ['how do I cancel?', 'cancel'],
    ['I want to complain', 'complaint'],
    ['this is unacceptable', 'complaint'],
    ['worst service ever', 'complaint'],
    ['how do I reset my password?', 'other'],
    ['Sue from accounting placed the order', 'other'],
    ["I don't want to cancel, just pause it", 'other'],
  ])('%s → %s', (text, expected) => {
    expect(intent(text)).toBe(expected);
  });

  it('applies the priority human_request > legal_threat > refund > cancel > complaint', () => {
    expect(
      intent('Unacceptable. Cancel my order, refund me, or my lawyer calls. Let me talk to a human.'),
    ).toBe('human_request');
    expect(intent('Unacceptable. Cancel my order and refund me or my lawyer calls.')).toBe('legal_threat');
    expect(intent('Unacceptable. Cancel my order and refund me.')).toBe('refund');
    expect(intent('Unacceptable. Cancel my order.')).toBe('cancel');
    expect(intent('Unacceptable.')).toBe('complaint');
  });
});
