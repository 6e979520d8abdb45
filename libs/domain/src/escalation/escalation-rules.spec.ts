import { ValidationError } from '../errors';
import { DEFAULT_ESCALATION_RULES } from './default-rules';
import { compileEscalationRules, compileStoredRules, evaluateRules, planActions, type RuleFacts } from './escalation-rules';

function facts(overrides: Partial<RuleFacts> = {}): RuleFacts {
  return {
    tone: { label: 'neutral', score: 0 },
    trend: { label: 'neutral', score: 0 },
    negativeStreak: 0,
    intent: 'other',
    text: 'Where is my order?',
    botTurns: 0,
    unanswered: false,
    unansweredTurns: 0,
    customer: {},
    businessHours: { open: true },
    agentsOnline: 1,
    ...overrides,
  };
}

function fieldOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.field;
    throw error;
  }
  throw new Error('accepted');
}

describe('compileEscalationRules', () => {
  const ok = { name: 'a', when: { fact: 'intent', operator: 'equal', value: 'refund' }, then: { action: 'escalate' } };

  it('names the bad path of a rule action', () => {
    const bad = { ...ok, name: 'bad', then: { action: 'escalate', priority: 'asap' } };
    expect(fieldOf(() => compileEscalationRules([{ ...ok, name: 'r0' }, { ...ok, name: 'r1' }, bad]))).toBe('2.then.priority');
    expect(fieldOf(() => compileEscalationRules([{ ...ok, then: { action: 'explode' } }]))).toBe('0.then.action');
    expect(fieldOf(() => compileEscalationRules([{ ...ok, then: [{ action: 'tag', tags: [] }] }]))).toBe('0.then.0.tags');
    expect(fieldOf(() => compileEscalationRules([{ ...ok, then: { action: 'send_message', text: 'hi', extra: 1 } }]))).toBe('0.then.extra');
    expect(fieldOf(() => compileEscalationRules([ok, ok]))).toBe('1.name');
    expect(fieldOf(() => compileEscalationRules([{ ...ok, when: { fact: 'text', operator: 'matches', value: '(' } }]))).toBe('0.when.value');
    expect(
      fieldOf(() => compileEscalationRules([{ ...ok, when: { fact: 'text', operator: 'matches', value: '^(\\w+\\s?)*$' } }])),
    ).toBe('0.when.value');
    expect(fieldOf(() => compileEscalationRules([{ ...ok, when: { fact: 'text', operator: 'matches', value: '(a+)+b' } }]))).toBe(
      '0.when.value',
    );
  });

  it('accepts the default rules', () => {
    expect(compileEscalationRules(DEFAULT_ESCALATION_RULES).map((rule) => rule.name)).toEqual([
      'Visitor asks for a person',
      'Legal threat',
      'Two negative messages in a row',
      'Three unanswered turns',
    ]);
  });
});

describe('compileStoredRules', () => {
  it('leaves out a stored rule that no longer validates, keeping the order of the others', () => {
    const { rules, skipped } = compileStoredRules([
      { name: 'old', when: { fact: 'mood', operator: 'equal', value: 'bad' }, then: { action: 'escalate' } },
      ...DEFAULT_ESCALATION_RULES.slice(1, 3),
    ]);
    expect(rules.map((rule) => [rule.position, rule.name])).toEqual([
      [0, 'Legal threat'],
      [1, 'Two negative messages in a row'],
    ]);
    expect(skipped).toEqual(['old']);
  });

  it('leaves out a stored pattern that could take exponential time', () => {
    const { rules, skipped } = compileStoredRules([
      { name: 'slow', when: { fact: 'text', operator: 'matches', value: '^(\\w+\\s?)*$' }, then: { action: 'escalate' } },
      { name: 'fine', when: { fact: 'text', operator: 'matches', value: 'charge\\s*back' }, then: { action: 'escalate' } },
    ]);
    expect(rules.map((rule) => rule.name)).toEqual(['fine']);
    expect(skipped).toEqual(['slow']);
  });
});

describe('evaluateRules', () => {
  const defaults = compileEscalationRules(DEFAULT_ESCALATION_RULES);

  it('fires nothing on a calm message', async () => {
    expect(await evaluateRules(defaults, facts())).toEqual([]);
  });

  it('fires the default rules on what they describe', async () => {
    const names = async (f: Partial<RuleFacts>) => (await evaluateRules(defaults, facts(f))).map((rule) => rule.name);
    expect(await names({ intent: 'human_request' })).toEqual(['Visitor asks for a person']);
    expect(await names({ intent: 'legal_threat' })).toEqual(['Legal threat']);
    expect(await names({ negativeStreak: 1 })).toEqual([]);
    expect(await names({ negativeStreak: 2 })).toEqual(['Two negative messages in a row']);
    expect(await names({ unansweredTurns: 2, unanswered: true })).toEqual([]);
    expect(await names({ unansweredTurns: 3, unanswered: true })).toEqual(['Three unanswered turns']);
  });

  it('reads customer attributes, business hours, agents online and text', async () => {
    const rules = compileEscalationRules([
      {
        name: 'Enterprise refunds after hours',
        when: {
          all: [
            { fact: 'customer.plan', operator: 'equal', value: 'enterprise' },
            { fact: 'businessHours.open', operator: 'equal', value: false },
            { fact: 'text', operator: 'contains', value: 'REFUND' },
          ],
        },
        then: { action: 'escalate', priority: 'high', team: 'billing' },
      },
      { name: 'Nobody online', when: { fact: 'agentsOnline', operator: 'equal', value: 0 }, then: { action: 'tag', tags: ['unstaffed'] } },
      { name: 'Chargeback', when: { fact: 'text', operator: 'matches', value: 'charge\\s*back' }, then: { action: 'set_priority', priority: 'urgent' } },
    ]);
    const base = { customer: { plan: 'enterprise' }, businessHours: { open: false }, text: 'I want a refund' };
    expect((await evaluateRules(rules, facts(base))).map((rule) => rule.name)).toEqual(['Enterprise refunds after hours']);
    expect(await evaluateRules(rules, facts({ ...base, customer: {} }))).toEqual([]);
    expect((await evaluateRules(rules, facts({ agentsOnline: 0, text: 'a ChargeBack now' }))).map((rule) => rule.name)).toEqual([
      'Nobody online',
      'Chargeback',
    ]);
  });

  it('skips disabled rules', async () => {
    const rules = compileEscalationRules([{ ...DEFAULT_ESCALATION_RULES[1]!, enabled: false }]);
    expect(await evaluateRules(rules, facts({ intent: 'legal_threat' }))).toEqual([]);
  });
});

describe('planActions', () => {
  it('escalates once, for the first escalating rule, and gathers the other actions', () => {
    const plan = planActions([
      { name: 'tagger', position: 0, actions: [{ action: 'tag', tags: ['vip'] }, { action: 'send_message', text: 'Hang on' }] },
      { name: 'legal', position: 1, actions: [{ action: 'escalate', priority: 'urgent', reason: 'lawyer', team: 'legal' }] },
      { name: 'upset', position: 2, actions: [{ action: 'escalate', priority: 'high' }, { action: 'tag', tags: ['vip', 'upset'] }] },
    ]);
    expect(plan).toEqual({
      escalate: { source: 'rule', rule: 'legal', reason: 'lawyer', priority: 'urgent', team: 'legal' },
      tags: ['vip', 'upset'],
      priority: 'urgent',
      messages: ['Hang on'],
      fired: ['tagger', 'legal', 'upset'],
    });
  });

  it('keeps the built-in request for a person when no rule escalates', () => {
    expect(planActions([], { intent: 'human_request' }).escalate).toEqual({ source: 'builtin', reason: 'the visitor asked for a person' });
    expect(planActions([], { intent: 'refund' }).escalate).toBeUndefined();
  });
});
