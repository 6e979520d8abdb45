import { Injectable } from '@nestjs/common';
import type { UpdateOrganizationInput } from '@parley/contracts';
import { AuditRepository, PersonasRepository, StaffRepository, UsageRepository, usageMonth, type UsageLine } from '@parley/data';
import type { StaffPrincipal } from '../auth/token.service';

interface Totals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** Calls whose tokens were counted locally because the provider reported none. */
  estimatedCalls: number;
}

@Injectable()
export class UsageService {
  constructor(
    private readonly usage: UsageRepository,
    private readonly personas: PersonasRepository,
    private readonly staff: StaffRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** One month's spend (default: the current UTC month), in total, by persona and by model. */
  async report(orgId: string, month: string = usageMonth()) {
    const [lines, counter, budget, personas] = await Promise.all([
      this.usage.report(orgId, month),
      this.usage.monthToDate(orgId, month),
      this.usage.monthlyBudget(orgId),
      this.personas.list(orgId),
    ]);
    const names = new Map(personas.map((persona) => [persona.id, persona.name]));
    return {
      month,
      monthlyBudgetUsd: budget,
      budgetReached: counter.budgetReachedAt !== null,
      budgetReachedAt: counter.budgetReachedAt?.toISOString() ?? null,
      totals: sum(lines),
      byPersona: group(lines, (line) => line.personaId ?? '').map(([personaId, group]) => ({
        personaId: personaId || null,
        personaName: names.get(personaId) ?? null,
        ...sum(group),
      })),
      byModel: group(lines, (line) => `${line.provider}\u0000${line.model}`).map(([, group]) => ({
        provider: group[0]?.provider ?? '',
        model: group[0]?.model ?? '',
        ...sum(group),
      })),
    };
  }

  async organization(orgId: string) {
    const [name, budget, counter] = await Promise.all([
      this.staff.getOrganizationName(orgId),
      this.usage.monthlyBudget(orgId),
      this.usage.monthToDate(orgId, usageMonth()),
    ]);
    return {
      id: orgId,
      name,
      monthlyBudgetUsd: budget,
      monthToDateUsd: round(counter.costUsd),
      budgetReached: counter.budgetReachedAt !== null,
    };
  }

  async updateOrganization(actor: StaffPrincipal, input: UpdateOrganizationInput) {
    if (input.monthlyBudgetUsd !== undefined) {
      await this.usage.setMonthlyBudget(actor.orgId, input.monthlyBudgetUsd);
      await this.audit.record(actor.orgId, {
        actorId: actor.userId,
        action: 'organization.budget_set',
        targetType: 'organization',
        targetId: actor.orgId,
        data: { monthlyBudgetUsd: input.monthlyBudgetUsd },
      });
    }
    return this.organization(actor.orgId);
  }
}

function sum(lines: readonly UsageLine[]): Totals {
  const totals = lines.reduce(
    (acc, line) => ({
      calls: acc.calls + line.calls,
      promptTokens: acc.promptTokens + line.promptTokens,
      completionTokens: acc.completionTokens + line.completionTokens,
      costUsd: acc.costUsd + line.costUsd,
      estimatedCalls: acc.estimatedCalls + line.estimatedCalls,
    }),
    { calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, estimatedCalls: 0 },
  );
  return { ...totals, costUsd: round(totals.costUsd) };
}

function group(lines: readonly UsageLine[], key: (line: UsageLine) => string): Array<[string, UsageLine[]]> {
  const groups = new Map<string, UsageLine[]>();
  for (const line of lines) groups.set(key(line), [...(groups.get(key(line)) ?? []), line]);
  return [...groups.entries()];
}

/** Micro-dollars, as stored. */
function round(usd: number): number {
  return Math.round(usd * 1_000_000) / 1_000_000;
}
