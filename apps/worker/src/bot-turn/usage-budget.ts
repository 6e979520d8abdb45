import { Injectable } from '@nestjs/common';
import { AuditRepository, RealtimePublisher, UsageRepository, usageMonth, type LlmCall } from '@parley/data';

export interface BudgetCheck {
  reached: boolean;
  month: string;
  budgetUsd: number | null;
  spentUsd: number;
}

/**
 * An organization's monthly LLM budget: checked before each LLM turn (one primary-key read of
 * the month's counter), and added to after each call. When the month-to-date spend reaches the
 * budget, the bot answers from the knowledge base until the month ends or the budget is raised,
 * and the organization's staff are told once per month (event + audit log entry).
 */
@Injectable()
export class UsageBudget {
  constructor(
    private readonly usage: UsageRepository,
    private readonly audit: AuditRepository,
    private readonly realtime: RealtimePublisher,
  ) {}

  /** One read: whether this month's spend has reached the budget. */
  async check(orgId: string, at: Date = new Date()): Promise<BudgetCheck> {
    const month = usageMonth(at);
    const { budgetUsd, spentUsd } = await this.usage.budgetStatus(orgId, month);
    return { reached: budgetUsd !== null && spentUsd >= budgetUsd, month, budgetUsd, spentUsd };
  }

  /** A turn is switched to the knowledge base because of the budget: make sure admins know. */
  async turnBlocked(orgId: string, check: BudgetCheck): Promise<void> {
    if (check.budgetUsd !== null) await this.tellOnce(orgId, check.month, check.budgetUsd, check.spentUsd);
  }

  /** Adds a call to the month's spend; `check` is the turn's budget check (its budget is reused). */
  async record(orgId: string, call: LlmCall, check: BudgetCheck, at: Date = new Date()): Promise<void> {
    const spent = await this.usage.recordCall(orgId, call, at);
    if (check.budgetUsd !== null && spent >= check.budgetUsd) await this.tellOnce(orgId, usageMonth(at), check.budgetUsd, spent);
  }

  private async tellOnce(orgId: string, month: string, budget: number, spent: number): Promise<void> {
    if (!(await this.usage.markBudgetReached(orgId, month))) return;
    const event = { month, monthlyBudgetUsd: budget, spentUsd: spent };
    await this.audit.record(orgId, { action: 'organization.budget_reached', targetType: 'organization', targetId: orgId, data: event });
    this.realtime.budgetReached(orgId, event);
  }
}
