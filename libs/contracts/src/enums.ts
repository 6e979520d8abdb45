export const CONVERSATION_STATUSES = ['bot', 'waiting', 'agent', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const MESSAGE_ROLES = ['visitor', 'bot', 'agent', 'system'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

export const USER_ROLES = ['admin', 'agent'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const TICKET_STATUSES = ['open', 'pending', 'solved'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TONE_LABELS = ['angry', 'frustrated', 'neutral', 'positive'] as const;
export type ToneLabel = (typeof TONE_LABELS)[number];

export const INTENTS = ['human_request', 'cancel', 'refund', 'legal_threat', 'complaint', 'other'] as const;
export type Intent = (typeof INTENTS)[number];

/** What caused an escalation, so analytics can attribute it. */
export const ESCALATION_SOURCES = ['builtin', 'rule', 'tool', 'agent', 'llm_unavailable', 'unanswered'] as const;
export type EscalationSource = (typeof ESCALATION_SOURCES)[number];

/** How a persona's visitor messages are analysed. */
export const ANALYSIS_MODES = ['local', 'llm'] as const;
export type AnalysisMode = (typeof ANALYSIS_MODES)[number];
/** Which analyser produced a message's tone and intent. */
export type AnalysisSource = AnalysisMode;
