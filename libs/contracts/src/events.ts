import type { Ack } from './errors';
import type { ConversationStatus } from './enums';
import type { BudgetReachedEvent } from './providers';
import type { ConversationView, MessageView, RateInput, SendMessagePayload, SyncInput, VisitorEmailInput } from './schemas';

export interface MessageDelta {
  conversationId: string;
  messageId: string;
  delta: string;
  /** Position of this chunk in the reply, from 0, so a client can order and de-duplicate. */
  index: number;
}

/**
 * A streamed reply was abandoned (its model failed mid-stream): drop what was shown under this
 * `messageId`. The answer, if any, streams again under a new `messageId`.
 */
export interface MessageDiscard {
  conversationId: string;
  messageId: string;
}

export interface ConversationStatusEvent {
  conversationId: string;
  status: ConversationStatus;
  agent?: { name: string };
}

export interface TypingEvent {
  conversationId: string;
  role: 'bot' | 'agent' | 'visitor';
  on: boolean;
}

/** Events the server sends on `/widget`. */
export interface WidgetServerEvents {
  'message:new': (payload: { message: MessageView }) => void;
  'message:delta': (payload: MessageDelta) => void;
  'message:discard': (payload: MessageDiscard) => void;
  'conversation:status': (payload: ConversationStatusEvent) => void;
  typing: (payload: TypingEvent) => void;
}

/** Events a visitor sends on `/widget`. */
export interface WidgetClientEvents {
  'message:send': (payload: SendMessagePayload, ack: (response: Ack<{ message: MessageView }>) => void) => void;
  'conversation:sync': (payload: SyncInput, ack: (response: Ack<{ messages: MessageView[] }>) => void) => void;
  'conversation:rate': (payload: RateInput, ack: (response: Ack) => void) => void;
  /** The visitor leaves an email address (asked for when nobody can answer now). */
  'visitor:email': (payload: VisitorEmailInput, ack: (response: Ack) => void) => void;
  typing: (payload: { on: boolean }) => void;
}

/** Events the server sends on `/agent`, for the agent's organization only. */
export interface AgentServerEvents {
  'conversation:updated': (payload: { conversation: ConversationView }) => void;
  'conversation:escalated': (payload: { conversation: ConversationView; reason: string }) => void;
  'message:new': (payload: { message: MessageView }) => void;
  'message:delta': (payload: MessageDelta) => void;
  'message:discard': (payload: MessageDiscard) => void;
  'organization:budget_reached': (payload: BudgetReachedEvent) => void;
  typing: (payload: TypingEvent) => void;
}

/** Events an agent sends on `/agent`. */
export interface AgentClientEvents {
  typing: (payload: { conversationId: string; on: boolean }) => void;
}
