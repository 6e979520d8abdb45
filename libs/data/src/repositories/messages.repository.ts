import type { Analysis, AnalysisSource, Citation, ConversationStatus, Intent, MessageRole, Tone } from '@parley/contracts';
import { randomUUID } from 'node:crypto';
import type { Message, PrismaClient } from '../generated/prisma/client';
import { messageInclude, type MessageRow } from '../views';

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

export class MessagesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Appends a message with the conversation's next `seq`, in one statement: the UPDATE that takes
   * the seq locks the conversation row until the INSERT commits, so seqs never collide. A repeated
   * `clientMessageId` (or pre-allocated `id`) returns the message stored the first time. (Only two
   * identical sends racing each other can leave a gap in the seqs; never a duplicate.) A new
   * message comes with the conversation's status as it was when the message was added.
   */
  async append(
    orgId: string,
    conversationId: string,
    message: NewMessage,
  ): Promise<{ message: MessageRow; created: boolean; conversationStatus?: ConversationStatus }> {
    const appended = await this.appendIf(orgId, conversationId, message, null);
    if (!appended) throw new Error(`conversation ${conversationId} not found in organization`);
    return appended;
  }

  /**
   * `append`, only while the conversation's status is one of `statuses`, checked in the same
   * statement (under the conversation row's lock). Null when it is not (or the conversation is gone).
   */
  appendWhileStatus(
    orgId: string,
    conversationId: string,
    statuses: readonly ConversationStatus[],
    message: NewMessage,
  ): Promise<{ message: MessageRow; created: boolean } | null> {
    return this.appendIf(orgId, conversationId, message, statuses);
  }

  private async appendIf(
    orgId: string,
    conversationId: string,
    message: NewMessage,
    statuses: readonly ConversationStatus[] | null,
  ): Promise<{ message: MessageRow; created: boolean; conversationStatus?: ConversationStatus } | null> {
    const id = message.id ?? randomUUID();
    const clientMessageId = message.clientMessageId ?? null;
    const metadata = JSON.stringify({
      ...(message.metadata ?? {}),
      ...(message.citations ? { citations: message.citations } : {}),
    });
    const rows = await this.prisma.$queryRaw<Array<Message & { authorName: string | null; conversationStatus: ConversationStatus }>>`
      WITH conv AS (
        UPDATE conversations
        SET last_seq = last_seq + 1,
            updated_at = now(),
            last_message_at = CASE WHEN ${message.internal ?? false} THEN last_message_at ELSE now() END
        WHERE id = ${conversationId}::uuid AND org_id = ${orgId}::uuid
          AND (${statuses === null} OR status::text = ANY(${statuses ?? []}::text[]))
          AND NOT EXISTS (
            SELECT 1 FROM messages
            WHERE conversation_id = ${conversationId}::uuid AND (id = ${id}::uuid OR client_message_id = ${clientMessageId})
          )
        RETURNING last_seq, status
      ), inserted AS (
        INSERT INTO messages (
          id, org_id, conversation_id, seq, role, text, internal, client_message_id, author_id,
          tone_label, tone_score, intent, model, prompt_tokens, completion_tokens, cost_usd, metadata
        )
        SELECT ${id}::uuid, ${orgId}::uuid, ${conversationId}::uuid, conv.last_seq, ${message.role}::message_role,
          ${message.text}, ${message.internal ?? false}, ${clientMessageId}, ${message.authorId ?? null}::uuid,
          ${message.tone?.label ?? null}, ${message.tone?.score ?? null}::float8, ${message.intent ?? null},
          ${message.usage?.model ?? null}, ${message.usage?.promptTokens ?? null}::int,
          ${message.usage?.completionTokens ?? null}::int, ${message.usage?.costUsd ?? null}::numeric, ${metadata}::jsonb
        FROM conv
        ON CONFLICT DO NOTHING
        RETURNING *
      )
      SELECT i.id, i.org_id AS "orgId", i.conversation_id AS "conversationId", i.seq, i.role::text AS role, i.text,
        i.internal, i.client_message_id AS "clientMessageId", i.author_id AS "authorId", i.tone_label AS "toneLabel",
        i.tone_score AS "toneScore", i.intent, i.model, i.prompt_tokens AS "promptTokens",
        i.completion_tokens AS "completionTokens", i.cost_usd AS "costUsd", i.metadata, i.created_at AS "createdAt",
        u.name AS "authorName", conv.status::text AS "conversationStatus"
      FROM inserted i CROSS JOIN conv LEFT JOIN users u ON u.id = i.author_id`;

    const inserted = rows[0];
    if (inserted) {
      const { authorName, conversationStatus, ...row } = inserted;
      const author = row.authorId && authorName ? { id: row.authorId, name: authorName } : null;
      return { message: { ...row, author }, created: true, conversationStatus };
    }
    const existing = await this.prisma.message.findFirst({
      where: { orgId, conversationId, OR: [{ id }, ...(clientMessageId ? [{ clientMessageId }] : [])] },
      include: messageInclude,
    });
    return existing ? { message: existing, created: false } : null;
  }

  /** The analysis a visitor message was finally judged by, and which analyser made it. */
  async recordAnalysis(orgId: string, id: string, analysis: Analysis, source: AnalysisSource): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE messages SET tone_label = ${analysis.tone.label}, tone_score = ${analysis.tone.score}::float8,
        intent = ${analysis.intent}, metadata = metadata || jsonb_build_object('analysisSource', ${source}::text)
      WHERE id = ${id}::uuid AND org_id = ${orgId}::uuid`;
  }

  findById(orgId: string, id: string): Promise<MessageRow | null> {
    return this.prisma.message.findFirst({ where: { id, orgId }, include: messageInclude });
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
      include: messageInclude,
    });
  }

  /** The latest public messages of a conversation, oldest first: the transcript a bot turn reads. */
  async recentTranscript(orgId: string, conversationId: string, limit: number): Promise<MessageRow[]> {
    const rows = await this.prisma.message.findMany({
      where: { orgId, conversationId, internal: false },
      orderBy: { seq: 'desc' },
      take: limit,
      include: messageInclude,
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
