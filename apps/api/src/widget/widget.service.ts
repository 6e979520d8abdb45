import { Injectable } from '@nestjs/common';
import {
  JobName,
  MAX_MESSAGE_CHARS,
  type ConversationStatus,
  type MessageView,
  type RateInput,
  type SendMessageInput,
  type SyncInput,
  type VisitorEmailInput,
  type WidgetSessionInput,
  type WidgetSessionView,
} from '@parley/contracts';
import {
  AttachmentsRepository,
  ConversationsRepository,
  InboxesRepository,
  JobQueue,
  MessagesRepository,
  RateLimiter,
  RealtimePublisher,
  VisitorsRepository,
  toConversationView,
  toMessageView,
  toVisitorMessageView,
  type Inbox,
  type MessageRow,
  type Persona,
  type Visitor,
} from '@parley/data';
import {
  analyzeMessage,
  ConflictError,
  ForbiddenError,
  moveFor,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthorizedError,
} from '@parley/domain';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { TokenService, type VisitorPrincipal } from '../auth/token.service';
import { VisitorConversations } from './visitor-conversations';

export function originAllowed(inbox: Pick<Inbox, 'allowedOrigins'>, origin: string | undefined): boolean {
  if (inbox.allowedOrigins.includes('*')) return true;
  return origin !== undefined && inbox.allowedOrigins.includes(origin.replace(/\/$/, ''));
}

function identityHashValid(secret: string, externalId: string, hash: string): boolean {
  const expected = createHmac('sha256', secret).update(externalId).digest();
  const given = Buffer.from(hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

@Injectable()
export class WidgetService {
  private readonly visitorConversations = new VisitorConversations();

  constructor(
    private readonly inboxes: InboxesRepository,
    private readonly visitors: VisitorsRepository,
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly realtime: RealtimePublisher,
    private readonly jobs: JobQueue,
    private readonly tokens: TokenService,
    private readonly limiter: RateLimiter,
    private readonly attachments: AttachmentsRepository,
  ) {}

  async startSession(origin: string | undefined, ip: string, input: WidgetSessionInput): Promise<WidgetSessionView> {
    const wait = await this.limiter.hit('widgetSession', ip);
    if (wait) throw new RateLimitedError(wait);
    const inbox = await this.inboxes.findByPublicKey(input.inboxKey);
    if (!inbox) throw new NotFoundError('inbox');
    if (!originAllowed(inbox, origin)) throw new ForbiddenError(`origin ${origin ?? '(none)'} is not allowed for this inbox`);

    const visitor = await this.resolveVisitor(inbox, input);
    const visitorToken = await this.tokens.signVisitor({ visitorId: visitor.id, orgId: inbox.orgId, inboxId: inbox.id });
    const conversation = await this.conversations.findLatestForVisitor(inbox.orgId, visitor.id);
    return {
      visitorToken,
      visitorId: visitor.id,
      settings: this.settings(inbox),
      conversation: conversation ? { id: conversation.id, status: conversation.status } : null,
    };
  }

  /**
   * Stores the visitor's message before acknowledging it, then hands the turn to the worker.
   * A repeated `clientMessageId` returns the stored message; the job id makes the turn run once.
   */
  async send(
    visitor: VisitorPrincipal,
    input: SendMessageInput,
    joinConversation: (conversationId: string) => Promise<void> | void,
  ): Promise<{ message: MessageView }> {
    if (input.text.length > MAX_MESSAGE_CHARS) throw new PayloadTooLargeError('text', MAX_MESSAGE_CHARS);
    const [wait, { conversationId, opened }] = await Promise.all([
      this.limiter.hit('visitorMessage', visitor.visitorId),
      this.currentConversation(visitor),
    ]);
    if (wait) throw new RateLimitedError(wait, 'you are sending messages too fast');
    try {
      return await this.store(visitor, input, conversationId, opened, joinConversation);
    } catch (error) {
      this.visitorConversations.forget(visitor.visitorId);
      throw error;
    }
  }

  private async store(
    visitor: VisitorPrincipal,
    input: SendMessageInput,
    conversationId: string,
    opened: boolean,
    joinConversation: (conversationId: string) => Promise<void> | void,
  ): Promise<{ message: MessageView }> {
    // The sending socket joins at once; the visitor's other tabs join through the adapter.
    await joinConversation(conversationId);
    if (opened) this.realtime.joinVisitorToConversation(visitor.visitorId, conversationId);

    const attachmentIds = [...new Set((input.attachments ?? []).map((attachment) => attachment.id))];
    await this.requireSendableAttachments(visitor, attachmentIds, input.clientMessageId);

    const analysis = analyzeMessage(input.text);
    const appended = await this.messages.append(visitor.orgId, conversationId, {
      role: 'visitor',
      text: input.text,
      clientMessageId: input.clientMessageId,
      tone: analysis.tone,
      intent: analysis.intent,
    });
    const { created, conversationStatus } = appended;
    const message = await this.linkAttachments(visitor, attachmentIds, appended.message);
    if (created) {
      this.realtime.messageNew(visitor.orgId, toMessageView(message), toVisitorMessageView(message));
      if (conversationStatus) await this.reopenIfResolved(visitor.orgId, conversationId, conversationStatus);
      if (opened) await this.announce(visitor.orgId, conversationId);
    }
    await this.jobs.enqueue(JobName.VisitorMessage, {
      orgId: visitor.orgId,
      conversationId,
      messageId: message.id,
    });
    return { message: toVisitorMessageView(message) };
  }

  async sync(visitor: VisitorPrincipal, input: SyncInput): Promise<{ messages: MessageView[] }> {
    await this.requireOwnConversation(visitor, input.conversationId);
    const rows = await this.messages.listAfter(visitor.orgId, input.conversationId, input.afterSeq, {
      includeInternal: false,
    });
    return { messages: rows.map(toVisitorMessageView) };
  }

  async rate(visitor: VisitorPrincipal, input: RateInput): Promise<object> {
    await this.requireOwnConversation(visitor, input.conversationId);
    await this.conversations.rate(visitor.orgId, input.conversationId, { score: input.score, comment: input.comment });
    return {};
  }

  /** An email left by the visitor (asked for when nobody can answer now): stored, confirmed, shown to agents. */
  async leaveEmail(visitor: VisitorPrincipal, input: VisitorEmailInput): Promise<object> {
    const wait = await this.limiter.hit('visitorMessage', visitor.visitorId);
    if (wait) throw new RateLimitedError(wait, 'you are sending too fast');
    await this.visitors.setEmail(visitor.orgId, visitor.visitorId, input.email);
    const conversation = await this.conversations.findLatestForVisitor(visitor.orgId, visitor.visitorId);
    if (conversation) {
      const { message } = await this.messages.append(visitor.orgId, conversation.id, {
        role: 'system',
        text: `Thanks! We'll also reply to ${input.email}.`,
      });
      this.realtime.messageNew(visitor.orgId, toMessageView(message), toVisitorMessageView(message));
      await this.announce(visitor.orgId, conversation.id);
    }
    return {};
  }

  async typing(visitor: VisitorPrincipal, on: boolean): Promise<void> {
    const conversation = await this.conversations.findLatestForVisitor(visitor.orgId, visitor.visitorId);
    if (conversation) this.realtime.typing(visitor.orgId, { conversationId: conversation.id, role: 'visitor', on });
  }

  /** The conversation rooms a reconnecting socket joins. */
  async currentConversationId(visitor: VisitorPrincipal): Promise<string | null> {
    const conversation = await this.conversations.findLatestForVisitor(visitor.orgId, visitor.visitorId);
    return conversation?.id ?? null;
  }

  async inboxAllowsOrigin(visitor: VisitorPrincipal, origin: string | undefined): Promise<boolean> {
    const inbox = await this.inboxes.findById(visitor.orgId, visitor.inboxId);
    return inbox !== null && (origin === undefined || originAllowed(inbox, origin));
  }

  private async resolveVisitor(inbox: Inbox, input: WidgetSessionInput): Promise<Visitor> {
    const user = input.user;
    if (user?.hash !== undefined) {
      if (!identityHashValid(inbox.identitySecret, user.externalId, user.hash)) {
        throw new UnauthorizedError('the identity hash does not match this user');
      }
      return this.visitors.upsertVerified(inbox.orgId, inbox.id, {
        externalId: user.externalId,
        name: user.name,
        email: user.email,
        attributes: user.attributes,
      });
    }
    if (input.visitorToken) {
      const principal = await this.tokens.verifyVisitor(input.visitorToken);
      const visitor = principal.inboxId === inbox.id ? await this.visitors.findById(inbox.orgId, principal.visitorId) : null;
      if (!visitor) throw new UnauthorizedError('this visitor token belongs to another inbox or visitor');
      void this.visitors.touch(inbox.orgId, visitor.id).catch(() => undefined);
      return visitor;
    }
    // Without a verified hash, a claimed externalId is not trusted: name and e-mail are kept as
    // self-reported, and the visitor is not linked to that identity.
    return this.visitors.createAnonymous(inbox.orgId, inbox.id, { name: user?.name, email: user?.email });
  }

  private settings(inbox: Inbox & { persona: Persona }): WidgetSessionView['settings'] {
    const persona = inbox.persona;
    return {
      title: inbox.name,
      botName: persona.name,
      greeting: persona.greeting ?? `Hi! I'm ${persona.name}. How can I help you today?`,
      ...(persona.avatarUrl ? { avatarUrl: persona.avatarUrl } : {}),
    };
  }

  /**
   * The visitor's conversation: remembered by this process after the first message, else one
   * indexed read, and a locked create the first time.
   */
  private async currentConversation(visitor: VisitorPrincipal): Promise<{ conversationId: string; opened: boolean }> {
    const known = this.visitorConversations.get(visitor.visitorId);
    if (known) return { conversationId: known, opened: false };
    const latest = await this.conversations.findLatestForVisitor(visitor.orgId, visitor.visitorId);
    const { conversation, created } = latest
      ? { conversation: latest, created: false }
      : await this.conversations.findOrCreateForVisitor(
          visitor.orgId,
          { id: visitor.visitorId, inboxId: visitor.inboxId },
          (await this.requireInbox(visitor)).personaId,
        );
    this.visitorConversations.remember(visitor.visitorId, conversation.id);
    return { conversationId: conversation.id, opened: created };
  }

  private async requireInbox(visitor: VisitorPrincipal): Promise<Inbox> {
    const inbox = await this.inboxes.findById(visitor.orgId, visitor.inboxId);
    if (!inbox) throw new UnauthorizedError('this inbox no longer exists');
    return inbox;
  }

  private async requireOwnConversation(visitor: VisitorPrincipal, conversationId: string): Promise<void> {
    const conversation = await this.conversations.findById(visitor.orgId, conversationId);
    if (!conversation || conversation.visitorId !== visitor.visitorId) throw new NotFoundError('conversation');
  }

  private async reopenIfResolved(orgId: string, conversationId: string, status: ConversationStatus): Promise<void> {
    const reopen = moveFor('visitor_message');
    if (!reopen.from.includes(status)) return;
    const row = await this.conversations.moveStatus(orgId, conversationId, reopen, {
      assigneeId: null,
      resolvedAt: null,
    });
    if (row) this.realtime.conversationChanged(row);
  }

  private async announce(orgId: string, conversationId: string): Promise<void> {
    const row = await this.conversations.findById(orgId, conversationId);
    if (row) this.realtime.conversationUpdated(orgId, toConversationView(row));
  }

  /** Every id must be an upload of this visitor, not yet sent with another message (a resend of the same message is fine). */
  private async requireSendableAttachments(visitor: VisitorPrincipal, ids: string[], clientMessageId: string): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.attachments.findUploadedBy(visitor.orgId, visitor.visitorId, ids);
    if (rows.length < ids.length) throw new NotFoundError('attachment');
    const taken = rows.find((row) => row.messageId !== null && row.message?.clientMessageId !== clientMessageId);
    if (taken) throw new ConflictError('attachment_already_sent', `attachment ${taken.id} was already sent with another message`);
  }

  /** Links the uploads to the stored message and returns it with its attachments. */
  private async linkAttachments(visitor: VisitorPrincipal, ids: string[], message: MessageRow): Promise<MessageRow> {
    if (ids.length === 0) return message;
    await this.attachments.linkToMessage(visitor.orgId, visitor.visitorId, ids, {
      messageId: message.id,
      conversationId: message.conversationId,
    });
    return (await this.messages.findById(visitor.orgId, message.id)) ?? message;
  }
}
