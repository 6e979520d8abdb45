import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { PrismaClient } from './generated/prisma/client';
import { redisKeys, type PlatformConfig } from './platform-config';
import { createPrismaClient } from './prisma-client';
import { SecretBox } from './secret-box';
import { JobQueue } from './queue/job-queue';
import { RateLimiter } from './rate-limiter';
import { closeRedis } from './redis-close';
import { DependencyHealth } from './dependency-health';
import { AgentPresence } from './realtime/agent-presence';
import { RealtimePublisher } from './realtime/realtime-publisher';
import { AttachmentsRepository } from './repositories/attachments.repository';
import { AuditRepository } from './repositories/audit.repository';
import { ConversationsRepository } from './repositories/conversations.repository';
import { InboxesRepository } from './repositories/inboxes.repository';
import { InstanceSecretsRepository } from './repositories/instance-secrets.repository';
import { KnowledgeRepository } from './repositories/knowledge.repository';
import { MessagesRepository } from './repositories/messages.repository';
import { PersonasRepository } from './repositories/personas.repository';
import { ProvidersRepository } from './repositories/providers.repository';
import { StaffRepository } from './repositories/staff.repository';
import { TicketsRepository } from './repositories/tickets.repository';
import { UsageRepository } from './repositories/usage.repository';
import { VisitorsRepository } from './repositories/visitors.repository';
import { ATTACHMENT_STORAGE } from './storage/attachment-storage';
import { LocalDiskStorage } from './storage/local-disk.storage';

export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
/** The shared Redis connection for commands (not for blocking reads or subscriptions). */
export const REDIS = Symbol('REDIS');
/** Seals and opens secrets stored in the database; `null` when no encryption key is configured. */
export const SECRET_BOX = Symbol('SECRET_BOX');

const repositories = [
  AttachmentsRepository,
  AuditRepository,
  ConversationsRepository,
  InboxesRepository,
  InstanceSecretsRepository,
  KnowledgeRepository,
  MessagesRepository,
  PersonasRepository,
  ProvidersRepository,
  StaffRepository,
  TicketsRepository,
  UsageRepository,
  VisitorsRepository,
] as const;

class DataLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(JobQueue) private readonly jobs: JobQueue,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.close();
    await this.prisma.$disconnect();
    await closeRedis(this.redis);
  }
}

/** Postgres (Prisma), Redis, the repositories, attachment storage and the realtime publisher, for any Parley process. */
@Global()
@Module({})
export class DataModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: DataModule,
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        {
          provide: SECRET_BOX,
          useFactory: (): SecretBox | null =>
            config.PARLEY_ENCRYPTION_KEY
              ? new SecretBox(config.PARLEY_ENCRYPTION_KEY, config.PARLEY_ENCRYPTION_KEY_PREVIOUS)
              : null,
        },
        { provide: PrismaClient, useFactory: () => createPrismaClient(config.DATABASE_URL) },
        {
          provide: REDIS,
          useFactory: () => new Redis(config.REDIS_URL, { maxRetriesPerRequest: null }),
        },
        {
          provide: RealtimePublisher,
          inject: [REDIS],
          useFactory: (redis: Redis) => new RealtimePublisher(redis, redisKeys(config.REDIS_PREFIX).socketIoKey),
        },
        {
          provide: RateLimiter,
          inject: [REDIS],
          useFactory: (redis: Redis) => new RateLimiter(redis, config.REDIS_PREFIX),
        },
        {
          provide: DependencyHealth,
          inject: [PrismaClient, REDIS],
          useFactory: (prisma: PrismaClient, redis: Redis) => new DependencyHealth(prisma, redis),
        },
        {
          provide: AgentPresence,
          inject: [REDIS],
          useFactory: (redis: Redis) => new AgentPresence(redis, config.REDIS_PREFIX),
        },
        {
          provide: JobQueue,
          inject: [REDIS],
          useFactory: (redis: Redis) => new JobQueue(redis, redisKeys(config.REDIS_PREFIX).bullPrefix),
        },
        { provide: ATTACHMENT_STORAGE, useFactory: () => new LocalDiskStorage(config.UPLOAD_DIR) },
        ...repositories.map((repository) => ({
          provide: repository,
          inject: [PrismaClient],
          useFactory: (prisma: PrismaClient) => new repository(prisma),
        })),
        DataLifecycle,
      ],
      exports: [PLATFORM_CONFIG, SECRET_BOX, PrismaClient, REDIS, RealtimePublisher, AgentPresence, DependencyHealth, JobQueue, RateLimiter, ATTACHMENT_STORAGE, ...repositories],
    };
  }
}
