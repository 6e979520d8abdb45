import type { ConversationStatus, EscalationSource, Priority, Tone } from '@parley/contracts';
import type { Conversation, EscalationRule, Persona, Prisma, PrismaClient, Visitor } from '../generated/prisma/client';
import { conversationInclude, messageInclude, type ConversationRow, type MessageRow } from '../views';

export interface ConversationPage {
  items: Array<{ conversation: ConversationRow; lastMessage: MessageRow | null }>;
  nextCursor: string | null;
}

/** A status change the domain allows: from any of `from` to `to` (see `moveFor` in @parley/domain). */
export interface StatusMove {
  from: ConversationStatus[];
  to: ConversationStatus;
}

export interface EscalationUpdate {
  reason: string;
  source: EscalationSource;
  rule?: string;
  priority?: Priority;
}

function encodeCursor(row: Conversation): string {
  return Buffer.from(`${row.updatedAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const updatedAt = new Date(at ?? '');
  return id && !Number.isNaN(updatedAt.getTime()) ? { updatedAt, id } : null;
}

/** Everything a visitor message's turn reads about its conversation, loaded together. */
export interface TurnRecord {
  conversation: ConversationRow;
  message: MessageRow;
  /** Null when the persona was deleted. */
  persona: Persona | null;
  /** The persona's escalation rules, in order. */
  rules: EscalationRule[];
  inboxSettings: Prisma.JsonValue;
  visitor: Pick<Visitor, 'verified' | 'attributes' | 'email'>;
  orgName: string;
}

export class ConversationsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findById(orgId: string, id: string): Promise<ConversationRow | null> {
    return this.prisma.conversation.findFirst({ where: { id, orgId }, include: conversationInclude });
  }

  /**
   * A visitor message's turn: the message, its conversation, the persona with its rules, the
   * inbox's settings, the visitor's profile and the organization's name, in one query (relation
   * joins), read fresh on every turn so a persona change applies to the next reply.
   */
  async findTurn(orgId: string, id: string, messageId: string): Promise<TurnRecord | null> {
    const row = await this.prisma.conversation.findFirst({
      where: { id, orgId },
      include: {
        ...conversationInclude,
        visitor: { select: { id: true, name: true, email: true, verified: true, attributes: true } },
        persona: { include: { rules: { orderBy: { position: 'asc' } } } },
        inbox: { select: { settings: true } },
        org: { select: { name: true } },
        messages: { where: { id: messageId }, include: messageInclude },
      },
    });
    const message = row?.messages[0];
    if (!row || !message) return null;
    const { visitor, persona, inbox, org, messages: _messages, ...conversation } = row;
    const { rules, ...personaRow } = persona;
    return {
      conversation: { ...conversation, visitor: { id: visitor.id, name: visitor.name, email: visitor.email } },
      message,
      persona: personaRow.deletedAt ? null : personaRow,
      rules,
      inboxSettings: inbox.settings,
      visitor: { verified: visitor.verified, attributes: visitor.attributes, email: visitor.email },
      orgName: org.name,
    };
  }

  async statusOf(orgId: string, id: string): Promise<ConversationStatus | null> {
    const row = await this.prisma.conversation.findFirst({ where: { id, orgId }, select: { status: true } });
    return row?.status ?? null;
  }

  findWithMessages(orgId: string, id: string): Promise<(ConversationRow & { messages: MessageRow[] }) | null> {
    return this.prisma.conversation.findFirst({
      where: { id, orgId },
      include: { ...conversationInclude, messages: { orderBy: { seq: 'asc' }, include: messageInclude } },
    });
  }

  findLatestForVisitor(orgId: string, visitorId: string): Promise<Conversation | null> {
    return this.prisma.conversation.findFirst({ where: { orgId, visitorId }, orderBy: { createdAt: 'desc' } });
  }

  /**
   * The visitor's current conversation, created on first use. The visitor row is locked so two
   * messages sent at once from two tabs never open two conversations.
   */
  findOrCreateForVisitor(
    orgId: string,
    visitor: { id: string; inboxId: string },
    personaId: string,
  ): Promise<{ conversation: Conversation; created: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM visitors WHERE id = ${visitor.id}::uuid AND org_id = ${orgId}::uuid FOR UPDATE`;
      const existing = await tx.conversation.findFirst({
        where: { orgId, visitorId: visitor.id },
        orderBy: { createdAt: 'desc' },
      });
      if (existing) return { conversation: existing, created: false };
      const conversation = await tx.conversation.create({
        data: { orgId, visitorId: visitor.id, inboxId: visitor.inboxId, personaId },
      });
      return { conversation, created: true };
    });
  }

  async list(
    orgId: string,
    filter: { status?: ConversationStatus; cursor?: string; limit: number },
  ): Promise<ConversationPage> {
    const after = filter.cursor ? decodeCursor(filter.cursor) : null;
    const rows = await this.prisma.conversation.findMany({
      where: {
        orgId,
        ...(filter.status ? { status: filter.status } : {}),
        ...(after
          ? {
              OR: [
                { updatedAt: { lt: after.updatedAt } },
                { updatedAt: after.updatedAt, id: { lt: after.id } },
              ],
            }
          : {}),
      },
      include: { ...conversationInclude, messages: { where: { internal: false }, orderBy: { seq: 'desc' }, take: 1, include: messageInclude } },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: filter.limit + 1,
    });
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);
    return {
      items: page.map(({ messages, ...conversation }) => ({ conversation, lastMessage: messages[0] ?? null })),
      nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null,
    };
  }

  /**
   * Race-safe takeover: one UPDATE that matches only while the move is allowed or the caller
   * already holds the conversation. Of two agents racing, Postgres re-checks the second one's
   * condition after the first commits, so it no longer matches.
   */
  async takeover(orgId: string, id: string, agentId: string, move: StatusMove): Promise<ConversationRow | null> {
    const { count } = await this.prisma.conversation.updateMany({
      where: { id, orgId, OR: [{ status: { in: move.from } }, { status: move.to, assigneeId: agentId }] },
      data: { status: move.to, assigneeId: agentId },
    });
    return count === 0 ? null : this.findById(orgId, id);
  }

  /** Applies the move only if the conversation is still in one of its `from` statuses. */
  async moveStatus(
    orgId: string,
    id: string,
    move: StatusMove,
    extra: { assigneeId?: string | null; resolvedAt?: Date | null } = {},
  ): Promise<ConversationRow | null> {
    const { count } = await this.prisma.conversation.updateMany({
      where: { id, orgId, status: { in: move.from } },
      data: { status: move.to, ...extra },
    });
    return count === 0 ? null : this.findById(orgId, id);
  }

  /** Puts the conversation in the agents' queue, if the move is still allowed. */
  async escalate(
    orgId: string,
    id: string,
    move: StatusMove,
    escalation: EscalationUpdate,
  ): Promise<ConversationRow | null> {
    const { count } = await this.prisma.conversation.updateMany({
      where: { id, orgId, status: { in: move.from } },
      data: {
        status: move.to,
        assigneeId: null,
        escalationReason: escalation.reason,
        escalationSource: escalation.source,
        escalationRule: escalation.rule ?? null,
        escalatedAt: new Date(),
        ...(escalation.priority ? { priority: escalation.priority } : {}),
      },
    });
    return count === 0 ? null : this.findById(orgId, id);
  }

  /** Adds tags a rule set, keeping the ones already there. */
  async addTags(orgId: string, id: string, tags: string[]): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE conversations SET tags = ARRAY(SELECT DISTINCT unnest(tags || ${tags}::text[])), updated_at = now()
      WHERE id = ${id}::uuid AND org_id = ${orgId}::uuid AND NOT (tags @> ${tags}::text[])`;
  }

  setPriority(orgId: string, id: string, priority: Priority): Promise<unknown> {
    return this.prisma.conversation.updateMany({ where: { id, orgId }, data: { priority } });
  }

  recordTone(
    orgId: string,
    id: string,
    trend: { label: Tone['label']; score: number; negativeStreak: number },
  ): Promise<unknown> {
    return this.prisma.conversation.updateMany({
      where: { id, orgId },
      data: { toneLabel: trend.label, toneScore: trend.score, negativeStreak: trend.negativeStreak },
    });
  }

  recordBotTurn(
    orgId: string,
    id: string,
    turn: { answered: boolean; tokens: number; costUsd: number },
  ): Promise<unknown> {
    return this.prisma.conversation.updateMany({
      where: { id, orgId },
      data: {
        botTurns: { increment: 1 },
        unansweredTurns: turn.answered ? 0 : { increment: 1 },
        totalTokens: { increment: turn.tokens },
        totalCostUsd: { increment: turn.costUsd },
      },
    });
  }

  /** Adds spend that belongs to no bot turn (a dropped reply when every model failed). */
  addSpend(orgId: string, id: string, spend: { tokens: number; costUsd: number }): Promise<unknown> {
    return this.prisma.conversation.updateMany({
      where: { id, orgId },
      data: { totalTokens: { increment: spend.tokens }, totalCostUsd: { increment: spend.costUsd } },
    });
  }

  rate(orgId: string, id: string, rating: { score: number; comment?: string }): Promise<{ count: number }> {
    return this.prisma.conversation.updateMany({
      where: { id, orgId },
      data: { rating: rating.score, ratingComment: rating.comment ?? null },
    });
  }
}
