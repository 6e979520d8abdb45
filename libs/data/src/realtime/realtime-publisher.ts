import { Emitter } from '@socket.io/redis-emitter';
import type {
  AgentServerEvents,
  BudgetReachedEvent,
  ConversationStatusEvent,
  ConversationView,
  MessageDelta,
  MessageDiscard,
  MessageView,
  TypingEvent,
  WidgetServerEvents,
} from '@parley/contracts';
import { namespaces, rooms } from '@parley/contracts';
import type Redis from 'ioredis';
import { toConversationView, type ConversationRow, type MessageRow } from '../views';

/**
 * Sends events to visitors and agents through socket.io's Redis emitter, so any process (API or
 * worker) can publish and every API instance's gateways fan out to their own sockets.
 */
export class RealtimePublisher {
  private readonly widget: Emitter<WidgetServerEvents>;
  private readonly agents: Emitter<AgentServerEvents>;

  constructor(redis: Redis, socketIoKey: string) {
    const root = new Emitter(redis, { key: socketIoKey });
    this.widget = root.of(namespaces.widget) as unknown as Emitter<WidgetServerEvents>;
    this.agents = root.of(namespaces.agent) as unknown as Emitter<AgentServerEvents>;
  }

  /** A message for agents (always) and for the visitor (never an internal note). */
  messageNew(orgId: string, agentView: MessageView, visitorView: MessageView | null): void {
    this.agents.to(rooms.orgAgents(orgId)).emit('message:new', { message: agentView });
    if (visitorView) this.widget.to(rooms.conversation(visitorView.conversationId)).emit('message:new', { message: visitorView });
  }

  messageDelta(orgId: string, delta: MessageDelta): void {
    this.widget.to(rooms.conversation(delta.conversationId)).emit('message:delta', delta);
    this.agents.to(rooms.orgAgents(orgId)).emit('message:delta', delta);
  }

  /** Tells visitors and agents to drop a partial reply that will not be completed. */
  messageDiscard(orgId: string, event: MessageDiscard): void {
    this.widget.to(rooms.conversation(event.conversationId)).emit('message:discard', event);
    this.agents.to(rooms.orgAgents(orgId)).emit('message:discard', event);
  }

  budgetReached(orgId: string, event: BudgetReachedEvent): void {
    this.agents.to(rooms.orgAgents(orgId)).emit('organization:budget_reached', event);
  }

  typing(orgId: string, event: TypingEvent): void {
    if (event.role !== 'visitor') this.widget.to(rooms.conversation(event.conversationId)).emit('typing', event);
    this.agents.to(rooms.orgAgents(orgId)).emit('typing', event);
  }

  conversationStatus(event: ConversationStatusEvent): void {
    this.widget.to(rooms.conversation(event.conversationId)).emit('conversation:status', event);
  }

  conversationUpdated(orgId: string, conversation: ConversationView): void {
    this.agents.to(rooms.orgAgents(orgId)).emit('conversation:updated', { conversation });
  }

  conversationEscalated(orgId: string, conversation: ConversationView, reason: string): void {
    this.agents.to(rooms.orgAgents(orgId)).emit('conversation:escalated', { conversation, reason });
  }

  /**
   * A status change: the visitor hears the new status, agents get the whole conversation (with
   * the message that came with the change, when there is one).
   */
  conversationChanged(row: ConversationRow, lastMessage?: MessageRow): ConversationView {
    const view = toConversationView(row, lastMessage);
    const event: ConversationStatusEvent = { conversationId: row.id, status: row.status };
    if (row.status === 'agent' && row.assignee) event.agent = { name: row.assignee.name };
    this.conversationStatus(event);
    this.conversationUpdated(row.orgId, view);
    return view;
  }

  /** Makes every socket of a visitor (all tabs) join a conversation's room. */
  joinVisitorToConversation(visitorId: string, conversationId: string): void {
    this.widget.in(rooms.visitor(visitorId)).socketsJoin(rooms.conversation(conversationId));
  }
}
