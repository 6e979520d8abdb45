import type { CreatePersonaInput, UpdatePersonaInput } from '@parley/contracts';
import type { EscalationRule, Persona, PrismaClient } from '../generated/prisma/client';

/** A rule as stored: `then` is the validated list of actions. */
export interface StoredRuleInput {
  name: string;
  when: object;
  then: object;
  enabled: boolean;
}

export class PersonasRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** A new persona with its starting escalation rules, in one transaction. */
  create(orgId: string, data: CreatePersonaInput, rules: StoredRuleInput[] = []): Promise<Persona> {
    return this.prisma.$transaction(async (tx) => {
      const persona = await tx.persona.create({ data: { ...data, orgId } });
      if (rules.length) {
        await tx.escalationRule.createMany({
          data: rules.map((rule, position) => ({ orgId, personaId: persona.id, position, ...rule })),
        });
      }
      return persona;
    });
  }

  list(orgId: string): Promise<Persona[]> {
    return this.prisma.persona.findMany({ where: { orgId, deletedAt: null }, orderBy: { createdAt: 'asc' } });
  }

  findById(orgId: string, id: string): Promise<Persona | null> {
    return this.prisma.persona.findFirst({ where: { id, orgId, deletedAt: null } });
  }

  async update(orgId: string, id: string, data: UpdatePersonaInput): Promise<Persona | null> {
    const { count } = await this.prisma.persona.updateMany({ where: { id, orgId, deletedAt: null }, data });
    return count === 0 ? null : this.findById(orgId, id);
  }

  /** Soft delete: conversations keep pointing at the persona that answered them. */
  async softDelete(orgId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.persona.updateMany({
      where: { id, orgId, deletedAt: null },
      data: { deletedAt: new Date() },
    });
    return count > 0;
  }

  listRules(orgId: string, personaId: string): Promise<EscalationRule[]> {
    return this.prisma.escalationRule.findMany({ where: { orgId, personaId }, orderBy: { position: 'asc' } });
  }

  /** Replaces a persona's rules as one unit, keeping their order. */
  replaceRules(orgId: string, personaId: string, rules: StoredRuleInput[]): Promise<EscalationRule[]> {
    return this.prisma.$transaction(async (tx) => {
      await tx.escalationRule.deleteMany({ where: { orgId, personaId } });
      await tx.escalationRule.createMany({
        data: rules.map((rule, position) => ({ orgId, personaId, position, ...rule })),
      });
      return tx.escalationRule.findMany({ where: { orgId, personaId }, orderBy: { position: 'asc' } });
    });
  }
}
