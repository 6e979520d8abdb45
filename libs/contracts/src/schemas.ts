import { z } from 'zod';
import {
  ANALYSIS_MODES,
  CONVERSATION_STATUSES,
  PRIORITIES,
  TICKET_STATUSES,
  USER_ROLES,
  type AnalysisSource,
  type ConversationStatus,
  type EscalationSource,
  type Intent,
  type MessageRole,
  type Priority,
  type TicketStatus,
  type ToneLabel,
  type UserRole,
} from './enums';

/** Longest visitor or agent message accepted, in characters. Longer text is refused with 413. */
export const MAX_MESSAGE_CHARS = 10_000;

const text = (max: number) => z.string().trim().min(1).max(max);
const messageText = z.string().trim().min(1);

// ---- Staff -------------------------------------------------------------------------------------

export const loginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const createUserSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: text(200),
  password: z.string().min(8).max(1024),
  role: z.enum(USER_ROLES),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

const articleLabel = z.string().trim().min(1).max(100);
/** `persona.knowledgeScope`: the articles a persona answers from (any tag or collection listed). */
export const knowledgeScopeSchema = z.strictObject({
  tags: z.array(articleLabel).max(50).optional(),
  collections: z.array(articleLabel).max(50).optional(),
});

export const createPersonaSchema = z.strictObject({
  name: text(100),
  instructions: text(20_000),
  greeting: text(2_000).optional(),
  tone: text(200).optional(),
  avatarUrl: z.url().max(2_000).optional(),
  languagePolicy: z.enum(['match_visitor', 'fixed']).optional(),
  model: text(200).optional(),
  fallbackModels: z.array(text(200)).max(5).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxReplyTokens: z.number().int().min(16).max(16_384).optional(),
  knowledgeScope: knowledgeScopeSchema.optional(),
  /** How visitor messages are analysed: the local analyser, or the LLM (local on any failure). */
  analysisMode: z.enum(ANALYSIS_MODES).optional(),
});
export type CreatePersonaInput = z.infer<typeof createPersonaSchema>;

export const updatePersonaSchema = createPersonaSchema.partial();
export type UpdatePersonaInput = z.infer<typeof updatePersonaSchema>;

export const escalateActionSchema = z.strictObject({
  action: z.literal('escalate'),
  priority: z.enum(PRIORITIES).optional(),
  reason: text(500).optional(),
});

/** `then` is one action or a list; actions are checked (and bad paths named) by the domain. */
export const escalationRuleSchema = z.strictObject({
  name: text(200),
  when: z.record(z.string(), z.unknown()),
  then: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]),
  enabled: z.boolean().optional(),
});
export const escalationRulesSchema = z.array(escalationRuleSchema).max(100);
export type EscalationRuleInput = z.infer<typeof escalationRuleSchema>;

/** Customer attributes from a verified identity: flat, small values rules can test. */
const customerAttributes = z
  .record(z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'attribute names are letters, digits and _'), z.union([z.string().max(500), z.number(), z.boolean()]))
  .refine((value) => Object.keys(value).length <= 50, { message: 'at most 50 attributes' });

export const escalationDryRunSchema = z.strictObject({
  transcript: z
    .array(
      z.strictObject({
        role: z.enum(['visitor', 'bot']),
        text: messageText.max(MAX_MESSAGE_CHARS),
        /** A bot reply that found no grounded answer. */
        unanswered: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(200),
  /** Rules to try instead of the stored ones. */
  rules: escalationRulesSchema.optional(),
  customer: customerAttributes.optional(),
  businessHours: z.strictObject({ open: z.boolean() }).optional(),
  agentsOnline: z.number().int().min(0).max(100_000).optional(),
});
export type EscalationDryRunInput = z.infer<typeof escalationDryRunSchema>;

const origin = z
  .string()
  .trim()
  .refine((value) => value === '*' || /^https?:\/\/[^/\s]+$/.test(value), {
    message: 'must be an origin such as https://example.com (scheme and host, no path) or "*"',
  });

export const createInboxSchema = z.strictObject({
  name: text(200),
  personaId: z.uuid(),
  allowedOrigins: z.array(origin).min(1).max(50),
});
export type CreateInboxInput = z.infer<typeof createInboxSchema>;

/** Inbox settings; `businessHours` is checked (and bad paths named) by the domain, `null` clears it. */
export const updateInboxSchema = z.strictObject({
  businessHours: z.record(z.string(), z.unknown()).nullable().optional(),
  /** What the visitor is told to expect when no recent first replies give a better estimate. */
  expectedReplyMinutes: z.number().int().min(1).max(10_080).optional(),
});
export type UpdateInboxInput = z.infer<typeof updateInboxSchema>;

export const createArticleSchema = z.strictObject({
  title: text(500),
  body: text(200_000),
  url: z.url().max(2_000).optional(),
  /** Labels a persona's `knowledgeScope.tags` can select. */
  tags: z.array(articleLabel).max(50).optional(),
  /** A group a persona's `knowledgeScope.collections` can select. */
  collection: articleLabel.nullable().optional(),
});
export type CreateArticleInput = z.infer<typeof createArticleSchema>;
export const updateArticleSchema = createArticleSchema.partial();
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;

export const listArticlesQuerySchema = z.strictObject({
  /** Full-text search over titles and bodies, best match first. */
  q: z.string().trim().max(500).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type ListArticlesQuery = z.infer<typeof listArticlesQuerySchema>;


export const analyzeSchema = z.strictObject({ text: messageText.max(MAX_MESSAGE_CHARS) });

export const listConversationsQuerySchema = z.strictObject({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type ListConversationsQuery = z.infer<typeof listConversationsQuerySchema>;

export const listTicketsQuerySchema = z.strictObject({
  status: z.enum(TICKET_STATUSES).optional(),
});

export const agentMessageSchema = z.strictObject({
  text: messageText,
  internal: z.boolean().optional(),
});
export type AgentMessageInput = z.infer<typeof agentMessageSchema>;

// ---- Widget ------------------------------------------------------------------------------------

export const widgetSessionSchema = z.strictObject({
  inboxKey: z.string().trim().min(1).max(200),
  visitorToken: z.string().min(1).max(4_000).optional(),
  user: z
    .strictObject({
      externalId: z.string().trim().min(1).max(200),
      name: text(200).optional(),
      email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
      hash: z.string().trim().regex(/^[0-9a-fA-F]{64}$/, 'must be a hex HMAC-SHA256').optional(),
      /** Kept only with a valid `hash`; rules read them as `customer.<name>`. */
      attributes: customerAttributes.optional(),
    })
    .optional(),
});
export type WidgetSessionInput = z.infer<typeof widgetSessionSchema>;

/** Most attachments one visitor message may carry. */
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;

export const sendMessageSchema = z
  .strictObject({
    clientMessageId: z.string().trim().min(1).max(100),
    // May be empty (or left out) when the message carries attachments: a picture alone is a message.
    text: z.string().trim().default(''),
    attachments: z.array(z.strictObject({ id: z.uuid() })).max(MAX_ATTACHMENTS_PER_MESSAGE).optional(),
  })
  .refine((message) => message.text !== '' || (message.attachments?.length ?? 0) > 0, {
    path: ['text'],
    message: 'text is required unless the message has attachments',
  });
export type SendMessageInput = z.infer<typeof sendMessageSchema>;
/** What a client emits: `text` may be left out when there are attachments. */
export type SendMessagePayload = z.input<typeof sendMessageSchema>;

export const syncSchema = z.strictObject({
  conversationId: z.uuid(),
  afterSeq: z.number().int().min(0).default(0),
});
export type SyncInput = z.infer<typeof syncSchema>;

export const visitorEmailSchema = z.strictObject({ email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(320)) });
export type VisitorEmailInput = z.infer<typeof visitorEmailSchema>;

export const typingSchema = z.strictObject({ on: z.boolean() });
export const agentTypingSchema = z.strictObject({ conversationId: z.uuid(), on: z.boolean() });

export const rateSchema = z.strictObject({
  conversationId: z.uuid(),
  score: z.number().int().min(1).max(5),
  comment: text(2_000).optional(),
});
export type RateInput = z.infer<typeof rateSchema>;

// ---- Views (what the API returns) -------------------------------------------------------------

export interface Tone {
  label: ToneLabel;
  score: number;
}

export interface Analysis {
  tone: Tone;
  intent: Intent;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

export interface Citation {
  articleId: string;
  title: string;
  url?: string;
}

/** A file sent with a message. `url` is relative to the API's address and needs a token. */
export interface AttachmentView {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url: string;
}

export interface MessageView {
  id: string;
  conversationId: string;
  seq: number;
  role: MessageRole;
  text: string;
  createdAt: string;
  clientMessageId?: string;
  tone?: Tone;
  intent?: Intent;
  internal?: boolean;
  author?: { id?: string; name: string };
  citations?: Citation[];
  usage?: { model: string; promptTokens: number; completionTokens: number; costUsd: number };
  attachments?: AttachmentView[];
  /** Which analyser produced `tone` and `intent` (agents' view). */
  analysisSource?: AnalysisSource;
  /** A system message asking the visitor for an email address (the widget shows a field). */
  askEmail?: boolean;
}

export interface EscalationView {
  reason: string;
  rule?: string;
  source: string;
  at: string;
  /** The handoff note for the agent: the ask, what the bot tried, articles shown, the tone trend. */
  summary?: string;
}

export interface ConversationView {
  id: string;
  status: ConversationStatus;
  priority: Priority;
  inboxId: string;
  visitor: { id: string; name?: string; email?: string };
  assignee?: { id: string; name: string };
  tone: Tone & { negativeStreak: number };
  escalation?: EscalationView;
  lastMessage?: MessageView;
  /** The visitor's rating of the conversation, 1..5. */
  rating?: { score: number; comment?: string };
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface TicketView {
  id: string;
  conversationId: string;
  status: TicketStatus;
  priority: Priority;
  subject: string;
  reason: string;
  assigneeId?: string;
  source?: EscalationSource;
  rule?: string;
  team?: string;
  summary?: string;
  createdAt: string;
  firstResponseAt?: string;
  resolvedAt?: string;
}

export interface WidgetSettings {
  title: string;
  greeting: string;
  botName: string;
  avatarUrl?: string;
}

export interface WidgetSessionView {
  visitorToken: string;
  visitorId: string;
  settings: WidgetSettings;
  conversation: { id: string; status: ConversationStatus } | null;
}
