import { CONVERSATION_STATUSES, type ConversationStatus } from '@parley/contracts';
import { InvalidTransitionError } from '../errors';

export type ConversationEvent = 'escalate' | 'takeover' | 'handback' | 'resolve' | 'visitor_message';

/**
 * Every allowed move; a missing entry is refused with InvalidTransitionError (409).
 *
 * - escalate: only while the bot speaks. Escalating a conversation already `waiting` is an
 *   idempotent no-op (a second "human please" may raise the priority, not the status); from
 *   `agent` or `resolved` it is refused: a person already has it, or it must reopen first.
 *   Callers that escalate automatically should check `canTransition` and skip instead of failing.
 * - takeover: from `bot` (an agent jumps in unasked), `waiting` (the queue) or `resolved` (an agent
 *   follows up). From `agent` it is refused; the service decides whether the caller already holds
 *   it (idempotent) or another agent does (409).
 * - handback: only from `agent` or `waiting` (an agent dismisses a needless escalation).
 * - resolve: from any status but `resolved`.
 * - visitor_message: reopens a `resolved` conversation to the bot; otherwise the status stays.
 */
const TRANSITIONS: Readonly<
  Record<ConversationStatus, Partial<Record<ConversationEvent, ConversationStatus>>>
> = {
  bot: { escalate: 'waiting', takeover: 'agent', resolve: 'resolved', visitor_message: 'bot' },
  waiting: {
    escalate: 'waiting',
    takeover: 'agent',
    handback: 'bot',
    resolve: 'resolved',
    visitor_message: 'waiting',
  },
  agent: { handback: 'bot', resolve: 'resolved', visitor_message: 'agent' },
  resolved: { takeover: 'agent', visitor_message: 'bot' },
};

const REFUSALS: Readonly<Partial<Record<`${ConversationStatus}:${ConversationEvent}`, string>>> = {
  'agent:escalate': 'conversation is already handled by an agent',
  'resolved:escalate': 'conversation is resolved; it reopens when the visitor writes again',
  'agent:takeover': 'conversation is already taken over by an agent',
  'bot:handback': 'conversation is already handled by the bot',
  'resolved:handback': 'conversation is resolved',
  'resolved:resolve': 'conversation is already resolved',
};

export function canTransition(status: ConversationStatus, event: ConversationEvent): boolean {
  return TRANSITIONS[status][event] !== undefined;
}

/** The status after `event`; throws InvalidTransitionError when the event is not allowed. */
export function transition(status: ConversationStatus, event: ConversationEvent): ConversationStatus {
  const next = TRANSITIONS[status][event];
  if (next === undefined) {
    throw new InvalidTransitionError(status, event, REFUSALS[`${status}:${event}`]);
  }
  return next;
}

/**
 * The statuses from which `event` really moves the conversation (no-ops excluded), and where to:
 * what a repository's conditional UPDATE needs so that a race cannot break these rules.
 */
export function moveFor(event: ConversationEvent): { from: ConversationStatus[]; to: ConversationStatus } {
  const from = CONVERSATION_STATUSES.filter((status) => {
    const next = TRANSITIONS[status][event];
    return next !== undefined && next !== status;
  });
  const to = from.map((status) => TRANSITIONS[status][event]);
  if (from.length === 0 || new Set(to).size !== 1) throw new Error(`"${event}" has no single target status`);
  return { from, to: to[0] as ConversationStatus };
}

/** The bot answers only while it owns the conversation: never once escalated, taken over or resolved. */
export function botMaySpeak(status: ConversationStatus): boolean {
  return status === 'bot';
}
