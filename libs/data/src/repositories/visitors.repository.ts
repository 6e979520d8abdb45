import type { PrismaClient, Visitor } from '../generated/prisma/client';

export class VisitorsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findById(orgId: string, id: string): Promise<Visitor | null> {
    return this.prisma.visitor.findFirst({ where: { id, orgId } });
  }

  createAnonymous(orgId: string, inboxId: string, data: { name?: string; email?: string }): Promise<Visitor> {
    return this.prisma.visitor.create({ data: { orgId, inboxId, ...data } });
  }

  /** A verified identity (HMAC checked by the caller) always maps to the same visitor. */
  upsertVerified(
    orgId: string,
    inboxId: string,
    data: { externalId: string; name?: string; email?: string; attributes?: Record<string, string | number | boolean> },
  ): Promise<Visitor> {
    const profile = { name: data.name, email: data.email, attributes: data.attributes, verified: true, lastSeenAt: new Date() };
    return this.prisma.visitor.upsert({
      where: { inboxId_externalId: { inboxId, externalId: data.externalId } },
      create: { orgId, inboxId, externalId: data.externalId, ...profile },
      update: profile,
    });
  }

  async setEmail(orgId: string, id: string, email: string): Promise<boolean> {
    const { count } = await this.prisma.visitor.updateMany({ where: { id, orgId }, data: { email } });
    return count > 0;
  }

  touch(orgId: string, id: string): Promise<unknown> {
    return this.prisma.visitor.updateMany({ where: { id, orgId }, data: { lastSeenAt: new Date() } });
  }
}
