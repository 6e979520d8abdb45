import type { ConversationStatus } from '@parley/contracts';
import { DomainError, InvalidTransitionError } from '../errors';
import { botMaySpeak, canTransition, moveFor, type ConversationEvent, transition } from './conversation-state';

describe('conversation state machine', () => {
  it('follows the escalation path bot → waiting → agent → resolved', () => {
    const path: ConversationEvent[] = ['escalate', 'takeover', 'resolve'];
    const statuses = path.reduce<ConversationStatus[]>(
      (acc, event) => [...acc, transition(acc[acc.length - 1], event)],
      ['bot'],
    );
    expect(statuses).toEqual(['bot', 'waiting', 'agent', 'resolved']);
  });

  it.each<[ConversationStatus, ConversationEvent, ConversationStatus]>([
    ['bot', 'escalate', 'waiting'],
    ['waiting', 'escalate', 'waiting'],
    ['bot', 'takeover', 'agent'],
    ['waiting', 'takeover', 'agent'],
    ['resolved', 'takeover', 'agent'],
    ['agent', 'handback', 'bot'],
    ['waiting', 'handback', 'bot'],
    ['bot', 'resolve', 'resolved'],
    ['waiting', 'resolve', 'resolved'],
    ['agent', 'resolve', 'resolved'],
    ['resolved', 'visitor_message', 'bot'],
    ['bot', 'visitor_message', 'bot'],
    ['waiting', 'visitor_message', 'waiting'],
    ['agent', 'visitor_message', 'agent'],
  ])('%s --%s--> %s', (from, event, to) => {
    expect(canTransition(from, event)).toBe(true);
    expect(transition(from, event)).toBe(to);
  });

  it.each<[ConversationStatus, ConversationEvent]>([
    ['agent', 'escalate'],
    ['resolved', 'escalate'],
    ['agent', 'takeover'],
    ['bot', 'handback'],
    ['resolved', 'handback'],
    ['resolved', 'resolve'],
  ])('refuses %s --%s--> with invalid_transition (409)', (from, event) => {
    expect(canTransition(from, event)).toBe(false);
    let thrown: unknown;
    try {
      transition(from, event);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidTransitionError);
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'invalid_transition', status: 409, from, event });
    expect((thrown as Error).message).toMatch(/conversation/);
  });

  it('lets the bot speak only while it owns the conversation', () => {
    expect(botMaySpeak('bot')).toBe(true);
    expect(botMaySpeak('waiting')).toBe(false);
    expect(botMaySpeak('agent')).toBe(false);
    expect(botMaySpeak('resolved')).toBe(false);
  });
});

describe('moveFor', () => {
  it('lists the statuses each event moves from, without no-ops', () => {
    expect(moveFor('escalate')).toEqual({ from: ['bot'], to: 'waiting' });
    expect(moveFor('takeover')).toEqual({ from: ['bot', 'waiting', 'resolved'], to: 'agent' });
    expect(moveFor('handback')).toEqual({ from: ['waiting', 'agent'], to: 'bot' });
    expect(moveFor('resolve')).toEqual({ from: ['bot', 'waiting', 'agent'], to: 'resolved' });
    expect(moveFor('visitor_message')).toEqual({ from: ['resolved'], to: 'bot' });
  });
});
