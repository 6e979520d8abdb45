export * from './data.module';
export * from './platform-config';
export * from './prisma-client';
export * from './views';
export * from './realtime/realtime-publisher';
export * from './repositories/attachments.repository';
export * from './realtime/agent-presence';
export * from './repositories/audit.repository';
export * from './repositories/conversations.repository';
export * from './repositories/inboxes.repository';
export * from './repositories/instance-secrets.repository';
export * from './repositories/knowledge.repository';
export * from './repositories/messages.repository';
export * from './repositories/personas.repository';
export * from './repositories/providers.repository';
export * from './repositories/staff.repository';
export * from './repositories/tickets.repository';
export * from './repositories/usage.repository';
export * from './repositories/visitors.repository';
export * from './queue/job-queue';
export * from './storage/attachment-storage';
export * from './storage/local-disk.storage';
export * from './secret-box';
export type {
  Attachment,
  Conversation,
  EscalationRule,
  Inbox,
  KnowledgeArticle,
  Message,
  Persona,
  Provider,
  Ticket,
  User,
  Visitor,
} from './generated/prisma/client';
export { applyMigrations, ensureDatabase, redactUrl } from './migrate';
export * from './rate-limiter';
export * from './process-logger';
export * from './encryption-key-file';
export * from './dependency-health';
export * from './redis-close';
