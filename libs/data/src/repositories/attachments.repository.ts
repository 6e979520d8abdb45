import type { Attachment, PrismaClient } from '../generated/prisma/client';

export interface NewAttachment {
  visitorId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
}

/** An attachment with the uploader's conversation and, once sent, its message's client id. */
export type AttachmentWithOwner = Attachment & {
  conversation: { visitorId: string } | null;
  message: { clientMessageId: string | null } | null;
};

export class AttachmentsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  create(orgId: string, attachment: NewAttachment): Promise<Attachment> {
    return this.prisma.attachment.create({ data: { orgId, ...attachment } });
  }

  findById(orgId: string, id: string): Promise<AttachmentWithOwner | null> {
    return this.prisma.attachment.findFirst({
      where: { id, orgId },
      include: { conversation: { select: { visitorId: true } }, message: { select: { clientMessageId: true } } },
    });
  }

  /** A message's attachments, in the order they were uploaded. */
  listForMessage(orgId: string, messageId: string): Promise<Attachment[]> {
    return this.prisma.attachment.findMany({ where: { orgId, messageId }, orderBy: { createdAt: 'asc' } });
  }

  /** The visitor's own uploads among `ids` (others' ids are simply not returned). */
  findUploadedBy(orgId: string, visitorId: string, ids: readonly string[]): Promise<AttachmentWithOwner[]> {
    return this.prisma.attachment.findMany({
      where: { orgId, visitorId, id: { in: [...ids] } },
      include: { conversation: { select: { visitorId: true } }, message: { select: { clientMessageId: true } } },
    });
  }

  /**
   * Removes up to `limit` uploads that were never sent with a message and are older than `before`,
   * returning their storage keys so their files can be deleted. One statement: an upload that is
   * being linked to a message at this moment is either linked or removed, never both.
   */
  async removeUnsent(before: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ storage_key: string }[]>`
      DELETE FROM attachments
      WHERE id IN (
        SELECT id FROM attachments WHERE message_id IS NULL AND created_at < ${before}
        ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
      )
      RETURNING storage_key`;
    return rows.map((row) => row.storage_key);
  }

  /**
   * Links the visitor's unsent uploads to the message they were sent with; an attachment already
   * linked to another message stays where it is. Returns how many were linked now.
   */
  async linkToMessage(
    orgId: string,
    visitorId: string,
    ids: readonly string[],
    target: { messageId: string; conversationId: string },
  ): Promise<number> {
    const { count } = await this.prisma.attachment.updateMany({
      where: { orgId, visitorId, id: { in: [...ids] }, messageId: null },
      data: target,
    });
    return count;
  }
}
