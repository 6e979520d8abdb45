import { Module, type DynamicModule } from '@nestjs/common';
import { DataModule } from '@parley/data';
import { BotTurnService } from './bot-turn/bot-turn.service';
import { LlmGateway } from './bot-turn/llm-gateway';
import { TurnCancellation } from './bot-turn/turn-cancellation';
import { TurnLock } from './bot-turn/turn-lock';
import { MessageAnalysisService } from './analysis/message-analysis.service';
import { EscalationService } from './escalation/escalation.service';
import { RuleContextService } from './escalation/rule-context.service';
import { JOB_HANDLERS, type JobHandler } from './jobs/job-handler';
import { JobRunner } from './jobs/job-runner';
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
        MessageAnalysisService,
        RuleContextService,
        TurnCancellation,
        TurnLock,
        VisitorMessageHandler,
        {
          provide: JOB_HANDLERS,
          inject: [VisitorMessageHandler],
          useFactory: (...handlers: JobHandler[]) => handlers,
        },
        JobRunner,
      ],
    };
  }
}
