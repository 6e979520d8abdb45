import type {
  AttachmentView,
  AnalysisSource,
  Citation,
  ConversationView,
  Intent,
  MessageView,
  TicketView,
  ToneLabel,
  UserView,
} from '@parley/contracts';
import type { Attachment, Conversation, Message, Ticket, User, Visitor } from './generated/prisma/client';

export type AttachmentSummaryRow = Pick<Attachment, 'id' | 'fileName' | 'contentType' | 'sizeBytes'>;

export type MessageRow = Message & {
  author?: Pick<User, 'id' | 'name'> | null;
  attachments?: AttachmentSummaryRow[];
};

/** What every message read loads with it: the author's name and the attachments' summaries. */
export const messageInclude = {
  author: { select: { id: true, name: true } },
  attachments: {
    select: { id: true, fileName: true, contentType: true, sizeBytes: true },
    orderBy: { createdAt: 'asc' },
  },
} as const;

export type ConversationRow = Conversation & {
  visitor: Pick<Visitor, 'id' | 'name' | 'email'>;
  assignee: Pick<User, 'id' | 'name'> | null;
  ticket?: Pick<Ticket, 'summary'> | null;
  messages?: MessageRow[];
};

export const conversationInclude = {
  visitor: { select: { id: true, name: true, email: true } },
  assignee: { select: { id: true, name: true } },
  ticket: { select: { summary: true } },
} as const;

export function toUserView(user: User): UserView {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

interface MessageMetadata {
  citations?: Citation[];
  analysisSource?: AnalysisSource;
  askEmail?: boolean;
}

/** Downloading needs a staff token or the owning visitor's token (see docs/attachments.md). */
export function attachmentUrl(id: string): string {
  return `/api/v1/attachments/${id}`;
}

export function toAttachmentView(row: AttachmentSummaryRow): AttachmentView {
  return { id: row.id, name: row.fileName, contentType: row.contentType, size: row.sizeBytes, url: attachmentUrl(row.id) };
}

export function toMessageView(row: MessageRow): MessageView {
  const view: MessageView = {
    id: row.id,
    conversationId: row.conversationId,
    seq: row.seq,
    role: row.role,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
  };
  if (row.clientMessageId) view.clientMessageId = row.clientMessageId;
  if (row.toneLabel && row.toneScore !== null) view.tone = { label: row.toneLabel as ToneLabel, score: row.toneScore };
  if (row.intent) view.intent = row.intent as Intent;
  if (row.internal) view.internal = true;
  if (row.author) view.author = { id: row.author.id, name: row.author.name };
  const metadata = row.metadata as MessageMetadata | null;
  if (metadata?.citations?.length) view.citations = metadata.citations;
  if (row.attachments?.length) view.attachments = row.attachments.map(toAttachmentView);
  if (metadata?.analysisSource) view.analysisSource = metadata.analysisSource;
  if (metadata?.askEmail) view.askEmail = true;
  if (row.model) {
    view.usage = {
      model: row.model,
      promptTokens: row.promptTokens ?? 0,
      completionTokens: row.completionTokens ?? 0,
      costUsd: row.costUsd ? Number(row.costUsd) : 0,
    };
  }
  return view;
}

/** What a visitor may see of a message: no internal notes, no token accounting, no author ids. */
export function toVisitorMessageView(row: MessageRow): MessageView {
  const { usage: _usage, intent: _intent, internal: _internal, analysisSource: _source, author, ...visible } = toMessageView(row);
  return author ? { ...visible, author: { name: author.name } } : visible;
}

export function toConversationView(row: ConversationRow, lastMessage?: MessageRow | null): ConversationView {
  const view: ConversationView = {
    id: row.id,
    status: row.status,
    priority: row.priority,
    inboxId: row.inboxId,
    visitor: { id: row.visitor.id },
    tone: { label: row.toneLabel as ToneLabel, score: row.toneScore, negativeStreak: row.negativeStreak },
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
  if (row.visitor.name) view.visitor.name = row.visitor.name;
  if (row.visitor.email) view.visitor.email = row.visitor.email;
  if (row.assignee) view.assignee = { id: row.assignee.id, name: row.assignee.name };
  if (row.escalationReason && row.escalatedAt) {
    view.escalation = {
      reason: row.escalationReason,
      source: row.escalationSource ?? 'builtin',
      at: row.escalatedAt.toISOString(),
    };
    if (row.escalationRule) view.escalation.rule = row.escalationRule;
    if (row.ticket?.summary) view.escalation.summary = row.ticket.summary;
  }
  if (lastMessage) view.lastMessage = toMessageView(lastMessage);
  if (row.rating !== null) view.rating = { score: row.rating, ...(row.ratingComment ? { comment: row.ratingComment } : {}) };
  return view;
}

export function toTicketView(row: Ticket): TicketView {
  const view: TicketView = {
    id: row.id,
    conversationId: row.conversationId,
    status: row.status,
    priority: row.priority,
    subject: row.subject,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
  if (row.assigneeId) view.assigneeId = row.assigneeId;
  if (row.source) view.source = row.source;
  if (row.rule) view.rule = row.rule;
  if (row.team) view.team = row.team;
  if (row.summary) view.summary = row.summary;
  if (row.firstResponseAt) view.firstResponseAt = row.firstResponseAt.toISOString();
  if (row.resolvedAt) view.resolvedAt = row.resolvedAt.toISOString();
  return view;
}
