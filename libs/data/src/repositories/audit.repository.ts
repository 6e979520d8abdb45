import type { PrismaClient } from '../generated/prisma/client';

export class AuditRepository {
  constructor(private readonly prisma: PrismaClient) {}

  record(
    orgId: string,
    entry: { actorId?: string; action: string; targetType: string; targetId?: string; data?: Record<string, unknown> },
  ): Promise<unknown> {
    return this.prisma.auditLog.create({
      data: {
        orgId,
        actorId: entry.actorId ?? null,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        data: (entry.data ?? {}) as object,
      },
    });
  }
}
