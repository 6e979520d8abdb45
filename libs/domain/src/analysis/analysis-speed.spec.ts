import { analyzeMessage } from './analyzer';
import { detectHumanRequest } from './human-request';

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

// Logs the cost per message; no assertion on time, which depends on the machine.
describe('analysis speed', () => {
  const messages = Array.from({ length: 10_000 }, (_, i) => `${SAMPLES[i % SAMPLES.length]} #${i}`);

  const perMessageMicros = (run: (text: string) => unknown): number => {
    messages.slice(0, 500).forEach(run);
    const start = performance.now();
    for (const message of messages) run(message);
    return ((performance.now() - start) * 1000) / messages.length;
  };

  it('measures detectHumanRequest and analyzeMessage over 10k messages', () => {
    const detect = perMessageMicros(detectHumanRequest);
    const analyze = perMessageMicros(analyzeMessage);
    console.log(
      `detectHumanRequest: ${detect.toFixed(1)} µs/message; analyzeMessage: ${analyze.toFixed(1)} µs/message (${messages.length} messages)`,
    );
    const requests = new Set([4, 7, 8]);
    expect(messages.filter(detectHumanRequest)).toEqual(
      messages.filter((_, i) => requests.has(i % SAMPLES.length)),
    );
  });
});
