import { Injectable, Logger } from '@nestjs/common';
import { AgentPresence, InboxesRepository, PersonasRepository, VisitorsRepository, type ConversationRow } from '@parley/data';
import { compileStoredRules, isOpen, validateBusinessHours, type BusinessHours, type CompiledRule, type RuleContext } from '@parley/domain';

/** Inbox settings the escalation reads (validated when saved). */
export interface InboxEscalationSettings {
  businessHours?: BusinessHours | null;
  expectedReplyMinutes?: number;
}

/** The inbox's business hours, or none when unset or no longer valid (then it counts as always open). */
export function businessHoursOf(settings: InboxEscalationSettings): BusinessHours | null {
  if (!settings.businessHours) return null;
  try {
    return validateBusinessHours(settings.businessHours);
  } catch {
    return null;
  }
}

export interface EscalationContext extends RuleContext {
  rules: CompiledRule[];
  settings: InboxEscalationSettings;
  visitorEmail: string | null;
}

/** Everything outside the conversation that the rules and the handoff need, read in parallel. */
@Injectable()
export class RuleContextService {
  private readonly logger = new Logger(RuleContextService.name);

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
    const compiled = compileStoredRules(rules);
    if (compiled.skipped.length) {
      this.logger.warn(`persona ${conversation.personaId}: invalid stored rules left out: ${compiled.skipped.join(', ')}`);
    }
    return {
      rules: compiled.rules,
      customer: visitor?.verified ? ((visitor.attributes ?? {}) as Record<string, unknown>) : {},
      businessHoursOpen: isOpen(businessHoursOf(settings), at),
      agentsOnline,
      settings,
      visitorEmail: visitor?.email ?? null,
    };
  }
}
