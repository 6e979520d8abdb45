// Cost of the in-process analysis every visitor message goes through before it is stored.
import { analyzeMessage, analyzeTone, detectHumanRequest, lexiconSignals } from '@parley/domain';
import { performance } from 'node:perf_hooks';

const SAMPLES = [
  'Where is my order? It was supposed to arrive on Monday.',
  'How do I change the e-mail address on my account',
  'thanks, that helped a lot!',
  'My package arrived damaged and I would like to know what to do next, the box was open.',
  'can I talk to a person',
  'THIS IS THE THIRD TIME I ASK!!! WHERE IS MY REFUND',
  "no, I don't want to talk to a human, just answer",
  'quiero hablar con una persona',
  'Ich möchte mit einem Mitarbeiter sprechen, bitte.',
  'the agent on the phone was rude yesterday',
  'I want to cancel my subscription and get my money back or I will call my lawyer',
  'Do you ship to Spain? And how long does it take? 😊',
];
const messages = Array.from({ length: 50_000 }, (_, i) => `${SAMPLES[i % SAMPLES.length]} #${i}`);

function microsPerMessage(run: (text: string) => unknown): number {
  messages.slice(0, 2_000).forEach(run);
  const start = performance.now();
  for (const message of messages) run(message);
  return ((performance.now() - start) * 1000) / messages.length;
}

console.log(`analysis, ${messages.length} messages on one core:`);
console.log(`detectHumanRequest  ${microsPerMessage(detectHumanRequest).toFixed(1)} µs/message`);
console.log(`lexiconSignals      ${microsPerMessage(lexiconSignals).toFixed(1)} µs/message`);
console.log(`analyzeTone         ${microsPerMessage(analyzeTone).toFixed(1)} µs/message`);
console.log(`analyzeMessage      ${microsPerMessage(analyzeMessage).toFixed(1)} µs/message (budget: 1000)`);
