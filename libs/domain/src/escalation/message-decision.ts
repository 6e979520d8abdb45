import type { Analysis } from '@parley/contracts';
import { analyzeMessage } from '../analysis/analyzer';
import { INITIAL_TONE_TREND, nextToneTrend, type ToneTrend } from '../analysis/tone-trend';
import { evaluateRules, planActions, type ActionPlan, type CompiledRule, type FiredRule, type RuleFacts } from './escalation-rules';

/** Where the conversation stood before a visitor message. */
export interface ConversationCounters {
  trend: Pick<ToneTrend, 'score' | 'negativeStreak'>;
  botTurns: number;
  unansweredTurns: number;
}

/** Facts that come from outside the conversation. */
export interface RuleContext {
  customer: Record<string, unknown>;
  businessHoursOpen: boolean;
  agentsOnline: number;
}

/** The facts of one visitor message, before the bot answers it. */
export function visitorMessageFacts(
  text: string,
  analysis: Analysis,
  trend: ToneTrend,
  counters: Omit<ConversationCounters, 'trend'>,
  context: RuleContext,
): RuleFacts {
  return {
    tone: analysis.tone,
    intent: analysis.intent,
    text,
    trend: { label: trend.label, score: trend.score },
    negativeStreak: trend.negativeStreak,
    botTurns: counters.botTurns,
    unansweredTurns: counters.unansweredTurns,
    unanswered: counters.unansweredTurns > 0,
    customer: context.customer,
    businessHours: { open: context.businessHoursOpen },
    agentsOnline: context.agentsOnline,
  };
}

/** The same facts once the bot has answered: only its counters change. */
export function factsAfterBotTurn(facts: RuleFacts, counters: Omit<ConversationCounters, 'trend'>): RuleFacts {
  return { ...facts, botTurns: counters.botTurns, unansweredTurns: counters.unansweredTurns, unanswered: counters.unansweredTurns > 0 };
}

export type DecisionPhase = 'message' | 'reply';

export interface Decision {
  phase: DecisionPhase;
  fired: FiredRule[];
  plan: ActionPlan;
}

/**
 * Rules for one visitor message, before the bot answers (`message`, where the built-in request for
 * a person also counts) or after its reply (`reply`). A rule fires at most once per visitor
 * message: rules that fired before the reply are skipped after it.
 */
export async function decide(
  rules: readonly CompiledRule[],
  facts: RuleFacts,
  phase: DecisionPhase,
  alreadyFired: readonly string[] = [],
): Promise<Decision> {
  const candidates = rules.filter((rule) => !alreadyFired.includes(rule.name));
  const fired = await evaluateRules(candidates, facts);
  return { phase, fired, plan: planActions(fired, phase === 'message' ? { intent: facts.intent } : undefined) };
}

export interface ReplayEntry {
  role: 'visitor' | 'bot';
  text: string;
  /** A bot reply that found no grounded answer. */
  unanswered?: boolean;
  /** The analysis to use instead of the local analyser's (a visitor message). */
  analysis?: Analysis;
}

export interface ReplayStep {
  /** Position of the visitor message in the transcript, from 0. */
  index: number;
  text: string;
  analysis: Analysis;
  trend: ToneTrend;
  decisions: Decision[];
}

export interface Replay {
  steps: ReplayStep[];
  /** The first escalation, as the live conversation would record it (`index`: its visitor message). */
  escalation: { index: number; phase: DecisionPhase; source: 'rule' | 'builtin'; rule?: string; reason: string } | null;
}

/**
 * Replays a transcript through the rules with the same steps the worker takes for a live
 * conversation: analysis, tone trend, rules before the reply, the reply's counters, rules after it.
 * Once escalated, later messages still fire their other actions, but never escalate again.
 */
export async function replayTranscript(
  rules: readonly CompiledRule[],
  transcript: readonly ReplayEntry[],
  context: RuleContext,
  start: ConversationCounters = { trend: INITIAL_TONE_TREND, botTurns: 0, unansweredTurns: 0 },
): Promise<Replay> {
  const steps: ReplayStep[] = [];
  let escalation: Replay['escalation'] = null;
  let trend: Pick<ToneTrend, 'score' | 'negativeStreak'> = start.trend;
  let counters = { botTurns: start.botTurns, unansweredTurns: start.unansweredTurns };

  for (let index = 0; index < transcript.length; index++) {
    const entry = transcript[index]!;
    const at = index;
    if (entry.role === 'bot') {
      counters = nextBotCounters(counters, entry.unanswered ?? false);
      continue;
    }
    const analysis = entry.analysis ?? analyzeMessage(entry.text);
    const next = nextToneTrend(trend, analysis.tone);
    trend = next;
    const facts = visitorMessageFacts(entry.text, analysis, next, counters, context);
    const before = await decide(rules, facts, 'message');
    const decisions = [before];
    const reply = transcript[index + 1];
    if (reply?.role === 'bot' && !(escalation === null && before.plan.escalate)) {
      counters = nextBotCounters(counters, reply.unanswered ?? false);
      index++;
      decisions.push(await decide(rules, factsAfterBotTurn(facts, counters), 'reply', before.plan.fired));
    }
    for (const decision of decisions) {
      if (!escalation && decision.plan.escalate) escalation = { index: at, phase: decision.phase, ...decision.plan.escalate };
    }
    steps.push({ index: at, text: entry.text, analysis, trend: next, decisions });
  }
  return { steps, escalation };
}

/** A bot reply's effect on the counters, as `ConversationsRepository.recordBotTurn` stores it. */
export function nextBotCounters(counters: Omit<ConversationCounters, 'trend'>, unanswered: boolean) {
  return { botTurns: counters.botTurns + 1, unansweredTurns: unanswered ? counters.unansweredTurns + 1 : 0 };
}
