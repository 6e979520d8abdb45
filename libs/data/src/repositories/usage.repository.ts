import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '../generated/prisma/client';

export interface LlmCall {
  conversationId: string | null;
  personaId: string | null;
  messageId: string | null;
  provider: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  estimated: boolean;
}

export interface UsageLine {
  personaId: string | null;
  provider: string;
  model: string;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  estimatedCalls: number;
}

/** The UTC month of a date, as `YYYY-MM`: the unit of budgets and usage reports. */
export function usageMonth(at: Date = new Date()): string {
  return at.toISOString().slice(0, 7);
}

/** LLM spend: one ledger row per call, a monthly counter per organization, and the budget itself. */
export class UsageRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Records a call in the ledger and adds it to the month's counter, atomically (one statement);
   * returns the month-to-date spend.
   */
  async recordCall(orgId: string, call: LlmCall, at: Date = new Date()): Promise<number> {
    const month = usageMonth(at);
    const tokens = call.promptTokens + call.completionTokens;
    const [counter] = await this.prisma.$queryRaw<Array<{ costUsd: Prisma.Decimal }>>`
      WITH ledger AS (
        INSERT INTO llm_usage (
          id, org_id, conversation_id, persona_id, message_id, provider, model,
          prompt_tokens, completion_tokens, cost_usd, estimated, created_at
        ) VALUES (
          ${randomUUID()}::uuid, ${orgId}::uuid, ${call.conversationId}::uuid, ${call.personaId}::uuid,
          ${call.messageId}::uuid, ${call.provider}, ${call.model}, ${call.promptTokens}::int,
          ${call.completionTokens}::int, ${call.costUsd}::numeric, ${call.estimated}, ${at}::timestamptz
        )
      )
      INSERT INTO usage_months (org_id, month, cost_usd, tokens, updated_at)
      VALUES (${orgId}::uuid, ${month}, ${call.costUsd}::numeric, ${tokens}::int, now())
      ON CONFLICT (org_id, month) DO UPDATE
        SET cost_usd = usage_months.cost_usd + EXCLUDED.cost_usd, tokens = usage_months.tokens + EXCLUDED.tokens, updated_at = now()
      RETURNING cost_usd AS "costUsd"`;
    return counter ? new Prisma.Decimal(counter.costUsd).toNumber() : 0;
  }

  async monthToDate(orgId: string, month: string): Promise<{ costUsd: number; tokens: number; budgetReachedAt: Date | null }> {
    const row = await this.prisma.usageMonth.findUnique({ where: { orgId_month: { orgId, month } } });
    return { costUsd: row?.costUsd.toNumber() ?? 0, tokens: row?.tokens ?? 0, budgetReachedAt: row?.budgetReachedAt ?? null };
  }

  /** Marks the month's budget as reached; true only for the first caller, so admins are told once. */
  async markBudgetReached(orgId: string, month: string, at: Date = new Date()): Promise<boolean> {
    await this.prisma.usageMonth.upsert({
      where: { orgId_month: { orgId, month } },
      create: { orgId, month },
      update: {},
    });
    const { count } = await this.prisma.usageMonth.updateMany({
      where: { orgId, month, budgetReachedAt: null },
      data: { budgetReachedAt: at },
    });
    return count === 1;
  }

  /** The budget and the month's spend in one read: the check made before every LLM turn. */
  async budgetStatus(orgId: string, month: string): Promise<{ budgetUsd: number | null; spentUsd: number }> {
    const [row] = await this.prisma.$queryRaw<Array<{ budget: Prisma.Decimal | null; spent: Prisma.Decimal | null }>>`
      SELECT o.monthly_budget_usd AS budget, u.cost_usd AS spent
      FROM organizations o LEFT JOIN usage_months u ON u.org_id = o.id AND u.month = ${month}
      WHERE o.id = ${orgId}::uuid`;
    return {
      budgetUsd: row?.budget == null ? null : new Prisma.Decimal(row.budget).toNumber(),
      spentUsd: row?.spent == null ? 0 : new Prisma.Decimal(row.spent).toNumber(),
    };
  }

  async monthlyBudget(orgId: string): Promise<number | null> {
    const org = await this.prisma.organization.findUnique({ where: { id: orgId }, select: { monthlyBudgetUsd: true } });
    return org?.monthlyBudgetUsd?.toNumber() ?? null;
  }

  /**
   * Sets the budget. A budget raised above (or removed from) this month's spend re-arms the
   * month's "budget reached" mark, so staff are told again if the new budget is reached too.
   */
  async setMonthlyBudget(orgId: string, usd: number | null, at: Date = new Date()): Promise<void> {
    const month = usageMonth(at);
    await this.prisma.$transaction([
      this.prisma.organization.updateMany({ where: { id: orgId }, data: { monthlyBudgetUsd: usd } }),
      this.prisma.usageMonth.updateMany({
        where: { orgId, month, budgetReachedAt: { not: null }, ...(usd === null ? {} : { costUsd: { lt: usd } }) },
        data: { budgetReachedAt: null },
      }),
    ]);
  }

  /** Totals of one month, by persona, provider and model. */
  async report(orgId: string, month: string): Promise<UsageLine[]> {
    const from = new Date(`${month}-01T00:00:00.000Z`);
    const to = new Date(from);
    to.setUTCMonth(to.getUTCMonth() + 1);
    const rows = await this.prisma.$queryRaw<
      Array<{
        personaId: string | null;
        provider: string;
        model: string;
        calls: bigint;
        promptTokens: bigint;
        completionTokens: bigint;
        costUsd: Prisma.Decimal;
        estimatedCalls: bigint;
      }>
    >`
      SELECT persona_id AS "personaId", provider, model, count(*) AS calls,
        sum(prompt_tokens) AS "promptTokens", sum(completion_tokens) AS "completionTokens",
        sum(cost_usd) AS "costUsd", count(*) FILTER (WHERE estimated) AS "estimatedCalls"
      FROM llm_usage
      WHERE org_id = ${orgId}::uuid AND created_at >= ${from} AND created_at < ${to}
      GROUP BY persona_id, provider, model
      ORDER BY persona_id, provider, model`;
    return rows.map((row) => ({
      personaId: row.personaId,
      provider: row.provider,
      model: row.model,
      calls: Number(row.calls),
      promptTokens: Number(row.promptTokens),
      completionTokens: Number(row.completionTokens),
      costUsd: new Prisma.Decimal(row.costUsd).toNumber(),
      estimatedCalls: Number(row.estimatedCalls),
    }));
  }
}
