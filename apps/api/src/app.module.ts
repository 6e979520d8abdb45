import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { DataModule, InstanceSecretsRepository } from '@parley/data';
import { AnalysisController } from './analysis/analysis.controller';
import { API_CONFIG, type ApiConfig } from './api-config';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { AuthController } from './auth/auth.controller';
import { StaffAuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { AUTH_KEY, TokenService } from './auth/token.service';
import { AgentGateway } from './conversations/agent.gateway';
import { ConversationsController } from './conversations/conversations.controller';
import { ConversationsService } from './conversations/conversations.service';
import { HealthController } from './health/health.controller';
import { ErrorFilter } from './http/error.filter';
import { InboxesController } from './inboxes/inboxes.controller';
import { InboxesService } from './inboxes/inboxes.service';
import { KnowledgeController } from './knowledge/knowledge.controller';
import { KnowledgeService } from './knowledge/knowledge.service';
import { PersonasController } from './personas/personas.controller';
import { PersonasService } from './personas/personas.service';
import { ProvidersController } from './providers/providers.controller';
import { ProvidersService } from './providers/providers.service';
import { ModelChainValidator } from './providers/model-chain.validator';
import { PresenceService } from './presence/presence.service';
import { TicketsController } from './tickets/tickets.controller';
import { TicketsService } from './tickets/tickets.service';
import { UsageController } from './usage/usage.controller';
import { UsageService } from './usage/usage.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { WidgetController } from './widget/widget.controller';
import { WidgetGateway } from './widget/widget.gateway';
import { WidgetService } from './widget/widget.service';

@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [DataModule.forRoot(config)],
      controllers: [
        AnalysisController,
        AttachmentsController,
        AuthController,
        ConversationsController,
        HealthController,
        InboxesController,
        KnowledgeController,
        PersonasController,
        ProvidersController,
        TicketsController,
        UsageController,
        UsersController,
        WidgetController,
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        {
          provide: AUTH_KEY,
          inject: [InstanceSecretsRepository],
          useFactory: async (secrets: InstanceSecretsRepository) =>
            new TextEncoder().encode(config.AUTH_SECRET ?? (await secrets.getOrCreate('auth_secret'))),
        },
        { provide: APP_GUARD, useClass: StaffAuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        AgentGateway,
        AttachmentsService,
        AuthService,
        ConversationsService,
        InboxesService,
        KnowledgeService,
        ModelChainValidator,
        PersonasService,
        ProvidersService,
        PresenceService,
        TicketsService,
        TokenService,
        UsageService,
        UsersService,
        WidgetGateway,
        WidgetService,
      ],
    };
  }
}
