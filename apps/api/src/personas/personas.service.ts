import { Injectable } from '@nestjs/common';
import type { CreatePersonaInput, EscalationRuleInput, UpdatePersonaInput } from '@parley/contracts';
import { AuditRepository, PersonasRepository } from '@parley/data';
import { NotFoundError, validateRuleCondition } from '@parley/domain';
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
    createdAt: persona.createdAt.toISOString(),
    updatedAt: persona.updatedAt.toISOString(),
  };
}

function toRuleView(rule: EscalationRule) {
  return { id: rule.id, name: rule.name, when: rule.when, then: rule.then, enabled: rule.enabled };
}

@Injectable()
export class PersonasService {
  constructor(
    private readonly personas: PersonasRepository,
    private readonly audit: AuditRepository,
    private readonly modelChain: ModelChainValidator,
  ) {}

  async create(actor: StaffPrincipal, input: CreatePersonaInput) {
    await this.modelChain.check(actor.orgId, input);
    const persona = await this.personas.create(actor.orgId, input);
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

  async replaceRules(actor: StaffPrincipal, id: string, rules: EscalationRuleInput[]) {
    await this.require(actor.orgId, id);
    rules.forEach((rule, index) => validateRuleCondition(rule.when, `${index}.when`));
    const stored = await this.personas.replaceRules(actor.orgId, id, rules);
    await this.record(actor, 'persona.rules_replaced', id, { count: stored.length });
    return stored.map(toRuleView);
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
