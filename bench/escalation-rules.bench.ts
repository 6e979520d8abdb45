// Cost of the escalation decision every visitor message goes through before the bot answers:
// the facts, json-rules-engine over the default rules, and the plan. Pure functions, no I/O.
import { analyzeMessage, compileEscalationRules, decide, DEFAULT_ESCALATION_RULES, nextToneTrend, visitorMessageFacts } from '@parley/domain';
import { performance } from 'node:perf_hooks';

const SAMPLES = [
  'Where is my order? It was supposed to arrive on Monday.',
  'thanks, that helped a lot!',
  'THIS IS THE THIRD TIME I ASK!!! WHERE IS MY REFUND',
  'I want to cancel my subscription and get my money back or I will call my lawyer',
  'can I talk to a person',
];
const ROUNDS = 20_000;
const rules = compileEscalationRules(DEFAULT_ESCALATION_RULES);
const context = { customer: { plan: 'pro' }, businessHoursOpen: true, agentsOnline: 2 };
const inputs = SAMPLES.map((text) => {
  const analysis = analyzeMessage(text);
  return { text, analysis, trend: nextToneTrend({ score: -0.2, negativeStreak: 1 }, analysis.tone) };
});

async function main(): Promise<void> {
  const run = (i: number) => {
    const input = inputs[i % inputs.length]!;
    return decide(rules, visitorMessageFacts(input.text, input.analysis, input.trend, { botTurns: 2, unansweredTurns: 1 }, context), 'message');
  };
  for (let i = 0; i < 2_000; i++) await run(i);
  const start = performance.now();
  for (let i = 0; i < ROUNDS; i++) await run(i);
  const micros = ((performance.now() - start) * 1000) / ROUNDS;
  console.log(`escalation decision (${rules.length} default rules), ${ROUNDS} messages on one core: ${micros.toFixed(1)} µs/message`);
}

void main();
