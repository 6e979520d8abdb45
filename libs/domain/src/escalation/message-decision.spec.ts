import { DEFAULT_ESCALATION_RULES } from './default-rules';
import { compileEscalationRules } from './escalation-rules';
import { replayTranscript, type RuleContext } from './message-decision';

const context: RuleContext = { customer: {}, businessHoursOpen: true, agentsOnline: 1 };
const defaults = compileEscalationRules(DEFAULT_ESCALATION_RULES);

describe('replayTranscript', () => {
  it('fires nothing on a calm conversation', async () => {
    const replay = await replayTranscript(defaults, [
      { role: 'visitor', text: 'Hi, how do I change my billing address?' },
      { role: 'bot', text: 'Open Settings, then Billing.' },
      { role: 'visitor', text: 'Great, thanks!' },
    ], context);
    expect(replay.escalation).toBeNull();
    expect(replay.steps.flatMap((step) => step.decisions.flatMap((decision) => decision.plan.fired))).toEqual([]);
  });

  it('says which rule fires at which visitor message', async () => {
    const replay = await replayTranscript(
      defaults,
      [
        { role: 'visitor', text: 'Where is my package?' },
        { role: 'bot', text: 'Sorry to hear that.' },
        { role: 'visitor', text: 'This is terrible, I am so disappointed.' },
        { role: 'bot', text: 'I understand.' },
        { role: 'visitor', text: 'Awful service, this is unacceptable and useless.' },
      ],
      context,
    );
    expect(replay.escalation).toMatchObject({ index: 4, phase: 'message', source: 'rule', rule: 'Two negative messages in a row' });
    expect(replay.steps.map((step) => step.trend.negativeStreak)).toEqual([0, 1, 2]);
    expect(replay.steps[2]!.decisions[0]!.plan.escalate).toMatchObject({ priority: 'high' });
  });

  it('counts unanswered bot replies and fires after the third one', async () => {
    const replay = await replayTranscript(
      defaults,
      ['one', 'two', 'three'].flatMap((n) => [
        { role: 'visitor' as const, text: `Question number ${n} about gift cards` },
        { role: 'bot' as const, text: 'I could not find an answer.', unanswered: true },
      ]),
      context,
    );
    expect(replay.escalation).toMatchObject({ index: 4, phase: 'reply', source: 'rule', rule: 'Three unanswered turns' });
  });

  it('reports the built-in request for a person without any rule', async () => {
    const replay = await replayTranscript([], [{ role: 'visitor', text: 'can I talk to a person' }], context);
    expect(replay.escalation).toMatchObject({ index: 0, source: 'builtin' });
  });
});
