import { Injectable } from '@nestjs/common';
import { AgentPresence, InboxesRepository, PersonasRepository, VisitorsRepository, type ConversationRow } from '@parley/data';
import { compileEscalationRules, isOpen, type BusinessHours, type CompiledRule, type RuleContext } from '@parley/domain';

/** Inbox settings the escalation reads (validated when saved). */
export interface InboxEscalationSettings {
  businessHours?: BusinessHours | null;
  expectedReplyMinutes?: number;
}

export interface EscalationContext extends RuleContext {
  rules: CompiledRule[];
  settings: InboxEscalationSettings;
  visitorEmail: string | null;
}

/** Everything outside the conversation that the rules and the handoff need, read in parallel. */
@Injectable()
export class RuleContextService {
  constructor(
    private readonly personas: PersonasRepository,
    private readonly visitors: VisitorsRepository,
    private readonly inboxes: InboxesRepository,
    private readonly presence: AgentPresence,
  ) {}

  async load(conversation: ConversationRow, at = new Date()): Promise<EscalationContext> {
    const { orgId } = conversation;
    const [rules, visitor, inbox, agentsOnline] = await Promise.all([
      this.personas.listRules(orgId, conversation.personaId),
      this.visitors.findById(orgId, conversation.visitorId),
      this.inboxes.findById(orgId, conversation.inboxId),
      this.presence.onlineCount(orgId),
    ]);
    const settings = (inbox?.settings ?? {}) as InboxEscalationSettings;
    return {
      // Stored rules were validated when saved; compiling again only normalises them.
      rules: compileEscalationRules(rules),
      customer: visitor?.verified ? ((visitor.attributes ?? {}) as Record<string, unknown>) : {},
      businessHoursOpen: isOpen(settings.businessHours, at),
      agentsOnline,
      settings,
      visitorEmail: visitor?.email ?? null,
    };
  }
}
