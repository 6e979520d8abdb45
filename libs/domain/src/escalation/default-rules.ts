import type { EscalationRuleSpec } from './escalation-rules';

/** The rules every new persona starts with; admins edit or replace them. */
export const DEFAULT_ESCALATION_RULES: readonly EscalationRuleSpec[] = [
  {
    name: 'Visitor asks for a person',
    when: { fact: 'intent', operator: 'equal', value: 'human_request' },
    then: { action: 'escalate', priority: 'normal', reason: 'the visitor asked for a person' },
  },
  {
    name: 'Legal threat',
    when: { fact: 'intent', operator: 'equal', value: 'legal_threat' },
    then: [
      { action: 'escalate', priority: 'urgent', reason: 'the visitor mentioned legal action' },
      { action: 'tag', tags: ['legal'] },
    ],
  },
  {
    name: 'Two negative messages in a row',
    when: { fact: 'negativeStreak', operator: 'greaterThanInclusive', value: 2 },
    then: { action: 'escalate', priority: 'high', reason: 'the visitor is upset' },
  },
  {
    name: 'Three unanswered turns',
    when: { fact: 'unansweredTurns', operator: 'greaterThanInclusive', value: 3 },
    then: { action: 'escalate', priority: 'normal', reason: 'the bot could not answer three times in a row' },
  },
];
