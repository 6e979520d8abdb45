import type { Inbox, Persona, Prisma, PrismaClient } from '../generated/prisma/client';

export class InboxesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  create(
    orgId: string,
    data: { name: string; personaId: string; allowedOrigins: string[]; publicKey: string; identitySecret: string },
  ): Promise<Inbox> {
    return this.prisma.inbox.create({ data: { ...data, orgId } });
  }

  list(orgId: string): Promise<Inbox[]> {
    return this.prisma.inbox.findMany({ where: { orgId }, orderBy: { createdAt: 'asc' } });
  }

  findById(orgId: string, id: string): Promise<Inbox | null> {
    return this.prisma.inbox.findFirst({ where: { id, orgId } });
  }

  /** Replaces the inbox's settings JSON (the caller merges and validates). */
  async updateSettings(orgId: string, id: string, settings: Prisma.InputJsonObject): Promise<Inbox | null> {
    const { count } = await this.prisma.inbox.updateMany({ where: { id, orgId }, data: { settings } });
    return count === 0 ? null : this.findById(orgId, id);
  }

  /** The widget's entry point: the public key names the inbox, and so the organization. */
  findByPublicKey(publicKey: string): Promise<(Inbox & { persona: Persona }) | null> {
    return this.prisma.inbox.findUnique({ where: { publicKey }, include: { persona: true } });
  }
}
