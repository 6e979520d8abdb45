import { Injectable, Logger } from '@nestjs/common';
import type { EscalationSource, Priority } from '@parley/contracts';
import {
  ConversationsRepository,
  MessagesRepository,
  RealtimePublisher,
  TicketsRepository,
  toMessageView,
  toVisitorMessageView,
} from '@parley/data';
import { moveFor } from '@parley/domain';

export interface EscalationRequest {
  orgId: string;
  conversationId: string;
  reason: string;
  source: EscalationSource;
  rule?: string;
  priority?: Priority;
}

const SUBJECT_CHARS = 120;
export const HANDOFF_MESSAGE = "I'm bringing in a person from our team. They'll reply right here as soon as they can.";

function subjectFrom(text: string | null): string {
  if (!text) return 'Conversation with a visitor';
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SUBJECT_CHARS ? `${line.slice(0, SUBJECT_CHARS - 1)}…` : line;
}

/** Hands a conversation to people: the queue, a ticket, a word to the visitor, agents told live. */
@Injectable()
export class EscalationService {
  private readonly logger = new Logger(EscalationService.name);

  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly tickets: TicketsRepository,
    private readonly realtime: RealtimePublisher,
  ) {}

  /** Returns false when the conversation is already with people (waiting or taken over). */
  async escalate(request: EscalationRequest): Promise<boolean> {
    const { orgId, conversationId } = request;
    const row = await this.conversations.escalate(orgId, conversationId, moveFor('escalate'), request);
    if (!row) return false;

    await this.tickets.openOrReopen(orgId, conversationId, {
      subject: subjectFrom(await this.messages.firstVisitorText(orgId, conversationId)),
      reason: request.reason,
      priority: row.priority,
    });
    const { message } = await this.messages.append(orgId, conversationId, { role: 'system', text: HANDOFF_MESSAGE });
    this.realtime.messageNew(orgId, toMessageView(message), toVisitorMessageView(message));
    const view = this.realtime.conversationChanged(row, message);
    this.realtime.conversationEscalated(orgId, view, request.reason);
    this.logger.log(`conversation ${conversationId} escalated (${request.source}: ${request.reason})`);
    return true;
  }
}
