import type { Citation, Intent, MessageRole, Tone } from '@parley/contracts';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import type { MessageRow } from '../views';

export interface NewMessage {
  /** Pre-allocated id, e.g. for a bot reply whose deltas were streamed under this id. */
  id?: string;
  role: MessageRole;
  text: string;
  internal?: boolean;
  clientMessageId?: string;
  authorId?: string;
  tone?: Tone;
  intent?: Intent;
  citations?: Citation[];
  usage?: { model: string; promptTokens: number; completionTokens: number; costUsd: number };
  metadata?: Record<string, unknown>;
}

const authorSelect = { author: { select: { id: true, name: true } } } as const;

export class MessagesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Appends a message with the conversation's next `seq`. The conversation row is locked for the
   * length of the insert, so seqs never collide and a repeated `clientMessageId` (or `id`) returns
   * the message stored the first time instead of a second one.
   */
  append(orgId: string, conversationId: string, message: NewMessage): Promise<{ message: MessageRow; created: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<Array<{ last_seq: number }>>`
        SELECT last_seq FROM conversations
        WHERE id = ${conversationId}::uuid AND org_id = ${orgId}::uuid FOR UPDATE`;
      const current = locked[0];
      if (!current) throw new Error(`conversation ${conversationId} not found in organization`);

      const duplicate = await tx.message.findFirst({
        where: {
          conversationId,
          OR: [
            ...(message.clientMessageId ? [{ clientMessageId: message.clientMessageId }] : []),
            ...(message.id ? [{ id: message.id }] : []),
          ],
        },
        include: authorSelect,
      });
      if (duplicate && (message.clientMessageId || message.id)) return { message: duplicate, created: false };

      const seq = current.last_seq + 1;
      const now = new Date();
      await tx.conversation.update({
        where: { id: conversationId },
        data: { lastSeq: seq, ...(message.internal ? {} : { lastMessageAt: now }), updatedAt: now },
      });
      const created = await tx.message.create({
        data: {
          ...(message.id ? { id: message.id } : {}),
          orgId,
          conversationId,
          seq,
          role: message.role,
          text: message.text,
          internal: message.internal ?? false,
          clientMessageId: message.clientMessageId ?? null,
          authorId: message.authorId ?? null,
          toneLabel: message.tone?.label ?? null,
          toneScore: message.tone?.score ?? null,
          intent: message.intent ?? null,
          model: message.usage?.model ?? null,
          promptTokens: message.usage?.promptTokens ?? null,
          completionTokens: message.usage?.completionTokens ?? null,
          costUsd: message.usage?.costUsd ?? null,
          metadata: {
            ...(message.metadata ?? {}),
            ...(message.citations ? { citations: message.citations } : {}),
          } as Prisma.InputJsonObject,
          createdAt: now,
        },
        include: authorSelect,
      });
      return { message: created, created: true };
    });
  }

  findById(orgId: string, id: string): Promise<MessageRow | null> {
    return this.prisma.message.findFirst({ where: { id, orgId }, include: authorSelect });
  }

  /** Messages after `afterSeq`, in order; internal notes only when asked for. */
  listAfter(
    orgId: string,
    conversationId: string,
    afterSeq: number,
    options: { includeInternal: boolean; limit?: number },
  ): Promise<MessageRow[]> {
    return this.prisma.message.findMany({
      where: {
        orgId,
        conversationId,
        seq: { gt: afterSeq },
        ...(options.includeInternal ? {} : { internal: false }),
      },
      orderBy: { seq: 'asc' },
      take: options.limit ?? 500,
      include: authorSelect,
    });
  }

  /** The latest public messages of a conversation, oldest first: the transcript a bot turn reads. */
  async recentTranscript(orgId: string, conversationId: string, limit: number): Promise<MessageRow[]> {
    const rows = await this.prisma.message.findMany({
      where: { orgId, conversationId, internal: false },
      orderBy: { seq: 'desc' },
      take: limit,
      include: authorSelect,
    });
    return rows.reverse();
  }

  /** The visitor's first words in a conversation: a ticket's subject. */
  async firstVisitorText(orgId: string, conversationId: string): Promise<string | null> {
    const first = await this.prisma.message.findFirst({
      where: { orgId, conversationId, role: 'visitor' },
      orderBy: { seq: 'asc' },
      select: { text: true },
    });
    return first?.text ?? null;
  }
}
