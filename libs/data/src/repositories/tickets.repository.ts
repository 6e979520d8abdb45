import type { EscalationSource, Priority, TicketStatus } from '@parley/contracts';
import type { PrismaClient, Ticket } from '../generated/prisma/client';

export class TicketsRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Every escalation opens the conversation's ticket, or reopens it with the new reason. */
  openOrReopen(
    orgId: string,
    conversationId: string,
    data: { subject: string; reason: string; priority: Priority; source?: EscalationSource; rule?: string; team?: string },
  ): Promise<Ticket> {
    const cause = { source: data.source ?? null, rule: data.rule ?? null, team: data.team ?? null };
    return this.prisma.ticket.upsert({
      where: { conversationId },
      create: { orgId, conversationId, ...data, ...cause, status: 'open' },
      update: { status: 'open', reason: data.reason, priority: data.priority, ...cause, resolvedAt: null },
    });
  }

  /** A priority raised by a rule after the escalation: the open ticket follows. */
  setPriority(orgId: string, conversationId: string, priority: Priority): Promise<unknown> {
    return this.prisma.ticket.updateMany({ where: { orgId, conversationId, status: { not: 'solved' } }, data: { priority } });
  }

  setSummary(orgId: string, conversationId: string, summary: string): Promise<unknown> {
    return this.prisma.ticket.updateMany({ where: { orgId, conversationId }, data: { summary } });
  }

  /** Median minutes from a ticket's opening to its first reply, over the latest answered tickets. */
  async recentFirstResponseMinutes(orgId: string, since: Date, sample = 50): Promise<number | null> {
    const rows = await this.prisma.$queryRaw<Array<{ minutes: number | null }>>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes)::float8 AS minutes FROM (
        SELECT EXTRACT(EPOCH FROM (first_response_at - created_at)) / 60 AS minutes
        FROM tickets
        WHERE org_id = ${orgId}::uuid AND first_response_at >= ${since}
        ORDER BY first_response_at DESC
        LIMIT ${sample}
      ) recent`;
    return rows[0]?.minutes ?? null;
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
