import { Module, type DynamicModule } from '@nestjs/common';
import { DataModule } from '@parley/data';
import { PromptImagesService } from './attachments/prompt-images.service';
import { UnsentUploadSweep } from './attachments/unsent-upload-sweep';
import { BotTurnService } from './bot-turn/bot-turn.service';
import { LlmGateway } from './bot-turn/llm-gateway';
import { ProviderDirectory } from './bot-turn/provider-directory';
import { UsageBudget } from './bot-turn/usage-budget';
import { TurnCancellation } from './bot-turn/turn-cancellation';
import { TurnLock } from './bot-turn/turn-lock';
import { MessageAnalysisService } from './analysis/message-analysis.service';
import { EscalationService } from './escalation/escalation.service';
import { RuleContextService } from './escalation/rule-context.service';
import { JOB_HANDLERS, type JobHandler } from './jobs/job-handler';
import { JobRunner } from './jobs/job-runner';
import { EmbedArticleHandler } from './knowledge/embed-article.handler';
import { EmbeddingSweep } from './knowledge/embedding-sweep';
import { createKnowledgeEmbeddings, KNOWLEDGE_EMBEDDINGS } from './knowledge/embeddings.provider';
import { KnowledgeRetrievalService } from './knowledge/knowledge-retrieval.service';
import { VisitorMessageHandler } from './visitor-message/visitor-message.handler';
import { WORKER_CONFIG, type WorkerConfig } from './worker-config';

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [DataModule.forRoot(config)],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        BotTurnService,
        EscalationService,
        LlmGateway,
        PromptImagesService,
        ProviderDirectory,
        UsageBudget,
        MessageAnalysisService,
        RuleContextService,
        TurnCancellation,
        TurnLock,
        VisitorMessageHandler,
        { provide: KNOWLEDGE_EMBEDDINGS, useValue: createKnowledgeEmbeddings(config) },
        KnowledgeRetrievalService,
        EmbedArticleHandler,
        EmbeddingSweep,
        UnsentUploadSweep,
        {
          provide: JOB_HANDLERS,
          inject: [VisitorMessageHandler, EmbedArticleHandler],
          useFactory: (...handlers: JobHandler[]) => handlers,
        },
        JobRunner,
      ],
    };
  }
}
