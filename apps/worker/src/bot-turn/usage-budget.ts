import { Injectable } from '@nestjs/common';
import { AuditRepository, RealtimePublisher, UsageRepository, usageMonth, type LlmCall } from '@parley/data';

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

  async reached(orgId: string, at: Date = new Date()): Promise<boolean> {
    const budget = await this.usage.monthlyBudget(orgId);
    if (budget === null) return false;
    const month = usageMonth(at);
    const { costUsd } = await this.usage.monthToDate(orgId, month);
    if (costUsd < budget) return false;
    await this.tellOnce(orgId, month, budget, costUsd);
    return true;
  }

  async record(orgId: string, call: LlmCall, at: Date = new Date()): Promise<void> {
    const spent = await this.usage.recordCall(orgId, call, at);
    const budget = await this.usage.monthlyBudget(orgId);
    if (budget !== null && spent >= budget) await this.tellOnce(orgId, usageMonth(at), budget, spent);
  }

  private async tellOnce(orgId: string, month: string, budget: number, spent: number): Promise<void> {
    if (!(await this.usage.markBudgetReached(orgId, month))) return;
    const event = { month, monthlyBudgetUsd: budget, spentUsd: spent };
    await this.audit.record(orgId, { action: 'organization.budget_reached', targetType: 'organization', targetId: orgId, data: event });
    this.realtime.budgetReached(orgId, event);
  }
}
