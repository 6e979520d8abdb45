import { Inject, Injectable } from '@nestjs/common';
import {
  MAX_MESSAGE_CHARS,
  type AgentMessageInput,
  type ConversationView,
  type ListConversationsQuery,
  type MessageView,
} from '@parley/contracts';
import {
  AuditRepository,
  ConversationsRepository,
  MessagesRepository,
  PLATFORM_CONFIG,
  REDIS,
  RealtimePublisher,
  TicketsRepository,
  redisKeys,
  toConversationView,
  toMessageView,
  toVisitorMessageView,
  type ConversationRow,
  type MessageRow,
  type PlatformConfig,
} from '@parley/data';
import { ConflictError, moveFor, NotFoundError, PayloadTooLargeError } from '@parley/domain';
import type Redis from 'ioredis';
import type { StaffPrincipal } from '../auth/token.service';
import { isUuid } from '../http/parse-input';

@Injectable()
export class ConversationsService {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly tickets: TicketsRepository,
    private readonly audit: AuditRepository,
    private readonly realtime: RealtimePublisher,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async list(orgId: string, query: ListConversationsQuery) {
    const page = await this.conversations.list(orgId, { ...query, limit: query.limit ?? 50 });
    return {
      items: page.items.map(({ conversation, lastMessage }) => toConversationView(conversation, lastMessage)),
      nextCursor: page.nextCursor,
    };
  }

  async get(orgId: string, id: string): Promise<ConversationView & { messages: MessageView[] }> {
    const row = isUuid(id) ? await this.conversations.findWithMessages(orgId, id) : null;
    if (!row) throw new NotFoundError('conversation');
    const lastPublic = row.messages.filter((message) => !message.internal).at(-1);
    return { ...toConversationView(row, lastPublic), messages: row.messages.map(toMessageView) };
  }

  /** Exactly one of two racing agents wins; the bot's turn in flight, if any, is cancelled. */
  async takeover(actor: StaffPrincipal, id: string): Promise<ConversationView> {
    const before = await this.require(actor.orgId, id);
    if (before.status === 'agent' && before.assigneeId === actor.userId) return toConversationView(before);

    const row = await this.conversations.takeover(actor.orgId, id, actor.userId, moveFor('takeover'));
    if (!row) throw new ConflictError('already_taken', 'another agent already holds this conversation');

    await this.redis.publish(redisKeys(this.config.REDIS_PREFIX).turnCancelChannel, id);
    await this.tickets.assign(actor.orgId, id, actor.userId);
    const notice = await this.systemMessage(row, `${row.assignee?.name ?? 'An agent'} joined the conversation.`);
    await this.record(actor, 'conversation.takeover', id);
    return this.realtime.conversationChanged(row, notice);
  }

  /** An agent's reply; a public one takes the conversation over first, so the bot falls silent. */
  async reply(actor: StaffPrincipal, id: string, input: AgentMessageInput): Promise<MessageView> {
    if (input.text.length > MAX_MESSAGE_CHARS) throw new PayloadTooLargeError('text', MAX_MESSAGE_CHARS);
    const conversation = await this.require(actor.orgId, id);
    const internal = input.internal ?? false;
    if (!internal && !(conversation.status === 'agent' && conversation.assigneeId === actor.userId)) {
      await this.takeover(actor, id);
    }
    const { message } = await this.messages.append(actor.orgId, id, {
      role: 'agent',
      text: input.text,
      internal,
      authorId: actor.userId,
    });
    this.realtime.messageNew(actor.orgId, toMessageView(message), internal ? null : toVisitorMessageView(message));
    if (!internal) await this.tickets.recordFirstResponse(actor.orgId, id, message.createdAt);
    return toMessageView(message);
  }

  async handback(actor: StaffPrincipal, id: string): Promise<ConversationView> {
    await this.require(actor.orgId, id);
    const row = await this.conversations.moveStatus(actor.orgId, id, moveFor('handback'), { assigneeId: null });
    if (!row) throw new ConflictError('invalid_transition', 'only a conversation with or waiting for an agent can be handed back');
    const notice = await this.systemMessage(row, 'You are chatting with our assistant again.');
    await this.record(actor, 'conversation.handback', id);
    return this.realtime.conversationChanged(row, notice);
  }

  async resolve(actor: StaffPrincipal, id: string): Promise<ConversationView> {
    await this.require(actor.orgId, id);
    // The ticket keeps who handled it; the conversation is held by nobody once resolved.
    const row = await this.conversations.moveStatus(actor.orgId, id, moveFor('resolve'), {
      resolvedAt: new Date(),
      assigneeId: null,
    });
    if (!row) throw new ConflictError('invalid_transition', 'the conversation is already resolved');
    await this.tickets.solve(actor.orgId, id);
    await this.record(actor, 'conversation.resolved', id);
    return this.realtime.conversationChanged(row);
  }

  async agentTyping(actor: StaffPrincipal, id: string, on: boolean): Promise<void> {
    const row = await this.conversations.findById(actor.orgId, id);
    if (row) this.realtime.typing(actor.orgId, { conversationId: id, role: 'agent', on });
  }

  private async require(orgId: string, id: string): Promise<ConversationRow> {
    const row = isUuid(id) ? await this.conversations.findById(orgId, id) : null;
    if (!row) throw new NotFoundError('conversation');
    return row;
  }

  private async systemMessage(row: ConversationRow, text: string): Promise<MessageRow> {
    const { message } = await this.messages.append(row.orgId, row.id, { role: 'system', text });
    this.realtime.messageNew(row.orgId, toMessageView(message), toVisitorMessageView(message));
    return message;
  }

  private record(actor: StaffPrincipal, action: string, targetId: string) {
    return this.audit.record(actor.orgId, { actorId: actor.userId, action, targetType: 'conversation', targetId });
  }
}
