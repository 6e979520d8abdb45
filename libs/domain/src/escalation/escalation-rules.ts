import type { Analysis, Intent, Priority, Tone, ToneLabel } from '@parley/contracts';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { ValidationError } from '../errors';
import { validateRuleActions, type RuleAction } from './rule-actions';
import { validateRuleCondition } from './rule-condition';

/** A rule as an admin writes it: `when` a json-rules-engine condition tree, `then` one action or a list. */
export interface EscalationRuleSpec {
  name: string;
  when: unknown;
  then: unknown;
  enabled?: boolean;
}

/** A validated rule, ready to evaluate. Earlier rules come first: position is priority. */
export interface CompiledRule {
  name: string;
  position: number;
  when: Record<string, unknown>;
  actions: RuleAction[];
  /** `then` as stored and shown: one action, or the list when the rule was written with one. */
  then: RuleAction | RuleAction[];
  enabled: boolean;
}

/**
 * What the rules see for one visitor message.
 * - `tone`, `intent`, `text`: the analysis of this message and its text.
 * - `trend`, `negativeStreak`: the conversation's rolling tone after this message.
 * - `botTurns`: bot replies so far in the conversation.
 * - `unansweredTurns`: consecutive bot replies, up to now, that found no grounded answer;
 *   `unanswered` is true when the latest one did (`unansweredTurns > 0`).
 * - `customer`: the visitor's verified identity attributes (e.g. `customer.plan`).
 * - `businessHours.open`: the inbox is within its business hours (always true with none set).
 * - `agentsOnline`: agents of the organization connected to the live view.
 */
export interface RuleFacts {
  tone: Tone;
  trend: { label: ToneLabel; score: number };
  negativeStreak: number;
  intent: Intent;
  text: string;
  botTurns: number;
  unanswered: boolean;
  unansweredTurns: number;
  customer: Record<string, unknown>;
  businessHours: { open: boolean };
  agentsOnline: number;
}

export interface FiredRule {
  name: string;
  position: number;
  actions: RuleAction[];
}

const MAX_RULES = 100;

/** Validates every rule's `when` and `then`, naming the first bad path (e.g. `2.then.priority`). */
export function compileEscalationRules(rules: readonly EscalationRuleSpec[]): CompiledRule[] {
  if (rules.length > MAX_RULES) throw new ValidationError('rules', `at most ${MAX_RULES} rules per persona`);
  const names = new Set<string>();
  return rules.map((rule, position) => {
    const name = typeof rule.name === 'string' ? rule.name.trim() : '';
    if (!name) throw new ValidationError(`${position}.name`, `${position}.name is required`);
    if (names.has(name)) throw new ValidationError(`${position}.name`, `${position}.name repeats the name of an earlier rule`);
    names.add(name);
    validateRuleCondition(rule.when, `${position}.when`);
    const actions = validateRuleActions(rule.then, `${position}.then`);
    const then = Array.isArray(rule.then) ? actions : actions[0]!;
    return { name, position, when: rule.when as Record<string, unknown>, actions, then, enabled: rule.enabled ?? true };
  });
}

/**
 * Stored rules, for evaluation: each was validated when saved, but one that no longer passes
 * (written by an older version, edited in the database) is left out rather than stopping every
 * visitor message of the persona.
 */
export function compileStoredRules(rules: readonly EscalationRuleSpec[]): { rules: CompiledRule[]; skipped: string[] } {
  const compiled: CompiledRule[] = [];
  const skipped: string[] = [];
  for (const rule of rules) {
    try {
      const [one] = compileEscalationRules([rule]);
      if (one && !compiled.some((other) => other.name === one.name)) compiled.push({ ...one, position: compiled.length });
      else skipped.push(String(rule.name));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      skipped.push(String(rule.name));
    }
  }
  return { rules: compiled, skipped };
}

/** Facts flattened to the dotted names rules use (`tone.label`, `customer.plan`, ...). */
function flatten(facts: RuleFacts): Record<string, unknown> {
  const flat: Record<string, unknown> = {
    'tone.label': facts.tone.label,
    'tone.score': facts.tone.score,
    'trend.label': facts.trend.label,
    'trend.score': facts.trend.score,
    negativeStreak: facts.negativeStreak,
    intent: facts.intent,
    text: facts.text,
    botTurns: facts.botTurns,
    unanswered: facts.unanswered,
    unansweredTurns: facts.unansweredTurns,
    'businessHours.open': facts.businessHours.open,
    agentsOnline: facts.agentsOnline,
  };
  for (const [key, value] of Object.entries(facts.customer)) flat[`customer.${key}`] = value;
  return flat;
}

function containsValue(factValue: unknown, value: unknown): boolean {
  if (Array.isArray(factValue)) return factValue.includes(value);
  if (typeof factValue === 'string' && typeof value === 'string') {
    return factValue.toLocaleLowerCase().includes(value.toLocaleLowerCase());
  }
  return false;
}

function newEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  // Text facts: `contains` is a case-insensitive substring test, not only list membership.
  engine.addOperator('contains', (factValue: unknown, value: unknown) => containsValue(factValue, value));
  engine.addOperator('doesNotContain', (factValue: unknown, value: unknown) => !containsValue(factValue, value));
  engine.addOperator('matches', (factValue: unknown, value: unknown) =>
    typeof factValue === 'string' && typeof value === 'string' && new RegExp(value, 'iu').test(factValue),
  );
  return engine;
}

/** The enabled rules whose conditions hold for these facts, in rule order. */
export async function evaluateRules(rules: readonly CompiledRule[], facts: RuleFacts): Promise<FiredRule[]> {
  const enabled = rules.filter((rule) => rule.enabled);
  if (enabled.length === 0) return [];
  const engine = newEngine();
  for (const rule of enabled) {
    engine.addRule({
      name: rule.name,
      conditions: { all: [rule.when] } as unknown as TopLevelCondition,
      event: { type: 'fired', params: { position: rule.position } },
    });
  }
  const { events } = await engine.run(flatten(facts));
  const positions = new Set(events.map((event) => Number(event.params?.['position'])));
  return enabled
    .filter((rule) => positions.has(rule.position))
    .map((rule) => ({ name: rule.name, position: rule.position, actions: rule.actions }));
}

export type EscalationCause =
  | { source: 'rule'; rule: string; reason: string; priority?: Priority; team?: string }
  | { source: 'builtin'; reason: string };

/** What to do after evaluating the rules for one step: escalate at most once, the rest in order. */
export interface ActionPlan {
  escalate?: EscalationCause;
  tags: string[];
  /** The highest priority any fired action asked for. */
  priority?: Priority;
  messages: string[];
  fired: string[];
}

const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

function higher(a: Priority | undefined, b: Priority | undefined): Priority | undefined {
  if (!a) return b;
  if (!b) return a;
  return PRIORITY_RANK[b] > PRIORITY_RANK[a] ? b : a;
}

export const HUMAN_REQUEST_REASON = 'the visitor asked for a person';

/**
 * Turns fired rules into one plan. The first escalating rule names the cause; with none, a
 * visitor's request for a person still escalates (`builtin`), rules or not.
 */
export function planActions(fired: readonly FiredRule[], analysis?: Pick<Analysis, 'intent'>): ActionPlan {
  const plan: ActionPlan = { tags: [], messages: [], fired: fired.map((rule) => rule.name) };
  for (const rule of fired) {
    for (const action of rule.actions) {
      switch (action.action) {
        case 'escalate':
          plan.priority = higher(plan.priority, action.priority);
          plan.escalate ??= {
            source: 'rule',
            rule: rule.name,
            reason: action.reason ?? `rule "${rule.name}" matched`,
            ...(action.priority ? { priority: action.priority } : {}),
            ...(action.team ? { team: action.team } : {}),
          };
          break;
        case 'tag':
          for (const tag of action.tags) if (!plan.tags.includes(tag)) plan.tags.push(tag);
          break;
        case 'set_priority':
          plan.priority = higher(plan.priority, action.priority);
          break;
        case 'send_message':
          plan.messages.push(action.text);
          break;
      }
    }
  }
  if (!plan.escalate && analysis?.intent === 'human_request') plan.escalate = { source: 'builtin', reason: HUMAN_REQUEST_REASON };
  return plan;
}
