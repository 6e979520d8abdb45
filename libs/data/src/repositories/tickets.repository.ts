import type { Priority, TicketStatus } from '@parley/contracts';
import type { PrismaClient, Ticket } from '../generated/prisma/client';

export class TicketsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Every escalation opens the conversation's ticket, or reopens it with the new reason. */
  openOrReopen(
    orgId: string,
    conversationId: string,
    data: { subject: string; reason: string; priority: Priority },
  ): Promise<Ticket> {
    return this.prisma.ticket.upsert({
      where: { conversationId },
      create: { orgId, conversationId, ...data, status: 'open' },
      update: { status: 'open', reason: data.reason, priority: data.priority, resolvedAt: null },
    });
  }

  list(orgId: string, filter: { status?: TicketStatus; limit?: number }): Promise<Ticket[]> {
    return this.prisma.ticket.findMany({
      where: { orgId, ...(filter.status ? { status: filter.status } : {}) },
      orderBy: { createdAt: 'desc' },
      take: filter.limit ?? 100,
    });
  }

  findByConversation(orgId: string, conversationId: string): Promise<Ticket | null> {
    return this.prisma.ticket.findFirst({ where: { orgId, conversationId } });
  }

  assign(orgId: string, conversationId: string, assigneeId: string): Promise<unknown> {
    return this.prisma.ticket.updateMany({
      where: { orgId, conversationId, status: { not: 'solved' } },
      data: { assigneeId, status: 'open' },
    });
  }

  /** First public reply by a person: the ticket's first-response time. */
  recordFirstResponse(orgId: string, conversationId: string, at: Date): Promise<unknown> {
    return this.prisma.ticket.updateMany({
      where: { orgId, conversationId, firstResponseAt: null },
      data: { firstResponseAt: at },
    });
  }

  solve(orgId: string, conversationId: string): Promise<unknown> {
    return this.prisma.ticket.updateMany({
      where: { orgId, conversationId, status: { not: 'solved' } },
      data: { status: 'solved', resolvedAt: new Date() },
    });
  }
}
