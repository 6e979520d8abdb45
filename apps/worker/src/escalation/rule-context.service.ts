import { Injectable, Logger } from '@nestjs/common';
import { AgentPresence, type TurnRecord } from '@parley/data';
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

/**
 * Everything outside the conversation that the rules and the handoff need: the rules, the
 * visitor's attributes and the inbox's settings come with the turn's read, agents online from Redis.
 */
@Injectable()
export class RuleContextService {
  private readonly logger = new Logger(RuleContextService.name);

  constructor(private readonly presence: AgentPresence) {}

  async load(turn: TurnRecord, at = new Date()): Promise<EscalationContext> {
    const { conversation, visitor } = turn;
    const agentsOnline = await this.presence.onlineCount(conversation.orgId);
    const settings = (turn.inboxSettings ?? {}) as InboxEscalationSettings;
    const compiled = compileStoredRules(turn.rules);
    if (compiled.skipped.length) {
      this.logger.warn(`persona ${conversation.personaId}: invalid stored rules left out: ${compiled.skipped.join(', ')}`);
    }
    return {
      rules: compiled.rules,
      customer: visitor.verified ? ((visitor.attributes ?? {}) as Record<string, unknown>) : {},
      businessHoursOpen: isOpen(businessHoursOf(settings), at),
      agentsOnline,
      settings,
      visitorEmail: visitor.email ?? null,
    };
  }
}
