import { Injectable } from '@nestjs/common';
import { JobName, type Analysis, type Intent, type JobData, type ToneLabel } from '@parley/contracts';
import {
  ConversationsRepository,
  MessagesRepository,
  RealtimePublisher,
  toConversationView,
  type ConversationRow,
  type MessageRow,
} from '@parley/data';
import { analyzeMessage, nextToneTrend } from '@parley/domain';
import { BotTurnService } from '../bot-turn/bot-turn.service';
import { TurnLock } from '../bot-turn/turn-lock';
import { EscalationService } from '../escalation/escalation.service';
import type { JobHandler } from '../jobs/job-handler';

/** The analysis stored with the message when it was accepted (the same function, run once). */
function analysisOf(message: MessageRow): Analysis {
  if (message.toneLabel && message.toneScore !== null && message.intent) {
    return { tone: { label: message.toneLabel as ToneLabel, score: message.toneScore }, intent: message.intent as Intent };
  }
  return analyzeMessage(message.text);
}

/**
 * A visitor's message: update the conversation's tone, escalate if asked, else let the bot answer.
 * Turns of one conversation run one at a time, and each message is answered at most once.
 */
@Injectable()
export class VisitorMessageHandler implements JobHandler<JobName.VisitorMessage> {
  readonly jobName = JobName.VisitorMessage;

  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly realtime: RealtimePublisher,
    private readonly escalation: EscalationService,
    private readonly botTurn: BotTurnService,
    private readonly lock: TurnLock,
  ) {}

  async handle({ orgId, conversationId, messageId }: JobData<JobName.VisitorMessage>): Promise<void> {
    await this.lock.run(conversationId, async () => {
      if (await this.lock.isHandled(messageId)) return;
      const [message, conversation] = await Promise.all([
        this.messages.findById(orgId, messageId),
        this.conversations.findById(orgId, conversationId),
      ]);
      if (!message || !conversation) return;

      const analysis = analysisOf(message);
      if (analysis.intent === 'human_request') {
        await this.updateTone(conversation, analysis);
        await this.escalation.escalate({
          orgId,
          conversationId,
          reason: 'the visitor asked for a person',
          source: 'builtin',
        });
      } else {
        // The tone is recorded while the bot starts: it is not on the reply's critical path.
        await Promise.all([
          this.updateTone(conversation, analysis),
          this.botTurn.run({ conversation, question: message, analysis }),
        ]);
      }
      await this.lock.markHandled(messageId);
    });
  }

  private async updateTone(conversation: ConversationRow, analysis: Analysis): Promise<void> {
    const trend = nextToneTrend({ score: conversation.toneScore, negativeStreak: conversation.negativeStreak }, analysis.tone);
    await this.conversations.recordTone(conversation.orgId, conversation.id, trend);
    this.realtime.conversationUpdated(conversation.orgId, {
      ...toConversationView(conversation),
      tone: { label: trend.label, score: trend.score, negativeStreak: trend.negativeStreak },
    });
  }
}
