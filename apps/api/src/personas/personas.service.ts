import { Injectable } from '@nestjs/common';
import type { CreatePersonaInput, EscalationDryRunInput, EscalationRuleInput, UpdatePersonaInput } from '@parley/contracts';
import { AuditRepository, PersonasRepository, type StoredRuleInput } from '@parley/data';
import {
  compileEscalationRules,
  DEFAULT_ESCALATION_RULES,
  NotFoundError,
  replayTranscript,
  type CompiledRule,
  type EscalationRuleSpec,
} from '@parley/domain';
import type { EscalationRule, Persona } from '@parley/data';
import type { StaffPrincipal } from '../auth/token.service';
import { isUuid } from '../http/parse-input';
import { ModelChainValidator } from '../providers/model-chain.validator';

export function toPersonaView(persona: Persona) {
  return {
    id: persona.id,
    name: persona.name,
    instructions: persona.instructions,
    greeting: persona.greeting,
    tone: persona.tone,
    avatarUrl: persona.avatarUrl,
    languagePolicy: persona.languagePolicy,
    model: persona.model,
    fallbackModels: persona.fallbackModels,
    temperature: persona.temperature,
    maxReplyTokens: persona.maxReplyTokens,
    knowledgeScope: persona.knowledgeScope,
    analysisMode: persona.analysisMode,
    createdAt: persona.createdAt.toISOString(),
    updatedAt: persona.updatedAt.toISOString(),
  };
}

function toRuleView(rule: EscalationRule) {
  return { id: rule.id, name: rule.name, when: rule.when, then: rule.then, enabled: rule.enabled };
}

function toStored(rules: CompiledRule[]): StoredRuleInput[] {
  return rules.map((rule) => ({ name: rule.name, when: rule.when, then: rule.then, enabled: rule.enabled }));
}

@Injectable()
export class PersonasService {
  constructor(
    private readonly personas: PersonasRepository,
    private readonly audit: AuditRepository,
    private readonly modelChain: ModelChainValidator,
  ) {}

  /** A new persona starts with the default escalation rules. */
  async create(actor: StaffPrincipal, input: CreatePersonaInput) {
    await this.modelChain.check(actor.orgId, input);
    const persona = await this.personas.create(actor.orgId, input, toStored(compileEscalationRules(DEFAULT_ESCALATION_RULES)));
    await this.record(actor, 'persona.created', persona.id);
    return toPersonaView(persona);
  }

  async list(orgId: string) {
    return { items: (await this.personas.list(orgId)).map(toPersonaView) };
  }

  async get(orgId: string, id: string) {
    return toPersonaView(await this.require(orgId, id));
  }

  async update(actor: StaffPrincipal, id: string, input: UpdatePersonaInput) {
    await this.modelChain.check(actor.orgId, input);
    const persona = isUuid(id) ? await this.personas.update(actor.orgId, id, input) : null;
    if (!persona) throw new NotFoundError('persona');
    await this.record(actor, 'persona.updated', id, { fields: Object.keys(input) });
    return toPersonaView(persona);
  }

  async remove(actor: StaffPrincipal, id: string): Promise<void> {
    if (!isUuid(id) || !(await this.personas.softDelete(actor.orgId, id))) throw new NotFoundError('persona');
    await this.record(actor, 'persona.deleted', id);
  }

  async rules(orgId: string, id: string) {
    await this.require(orgId, id);
    return (await this.personas.listRules(orgId, id)).map(toRuleView);
  }

  /** Rules are checked whole before any is stored; a bad one is a 400 naming its path. */
  async replaceRules(actor: StaffPrincipal, id: string, rules: EscalationRuleInput[]) {
    await this.require(actor.orgId, id);
    const compiled = compileEscalationRules(rules);
    const stored = await this.personas.replaceRules(actor.orgId, id, toStored(compiled));
    await this.record(actor, 'persona.rules_replaced', id, { count: stored.length });
    return stored.map(toRuleView);
  }

  /**
   * Replays a transcript through the persona's rules (or the ones given) with the worker's own
   * steps, and says which rules fire at which visitor message. Messages are analysed locally.
   */
  async dryRun(orgId: string, id: string, input: EscalationDryRunInput) {
    await this.require(orgId, id);
    const specs: EscalationRuleSpec[] = input.rules ?? (await this.personas.listRules(orgId, id));
    const replay = await replayTranscript(compileEscalationRules(specs), input.transcript, {
      customer: input.customer ?? {},
      businessHoursOpen: input.businessHours?.open ?? true,
      agentsOnline: input.agentsOnline ?? 1,
    });
    return {
      steps: replay.steps.map((step) => ({
        index: step.index,
        text: step.text,
        analysis: step.analysis,
        trend: step.trend,
        fired: step.decisions.flatMap((decision) =>
          decision.fired.map((rule) => ({ rule: rule.name, phase: decision.phase, actions: rule.actions })),
        ),
        ...(step.decisions.some((decision) => decision.plan.escalate)
          ? { escalate: step.decisions.find((decision) => decision.plan.escalate)?.plan.escalate }
          : {}),
      })),
      escalation: replay.escalation,
    };
  }

  private async require(orgId: string, id: string): Promise<Persona> {
    const persona = isUuid(id) ? await this.personas.findById(orgId, id) : null;
    if (!persona) throw new NotFoundError('persona');
    return persona;
  }

  private record(actor: StaffPrincipal, action: string, targetId: string, data?: Record<string, unknown>) {
    return this.audit.record(actor.orgId, { actorId: actor.userId, action, targetType: 'persona', targetId, data });
  }
}
