import { Injectable } from '@nestjs/common';
import { JobName, type Analysis, type AnalysisMode, type Intent, type JobData, type ToneLabel } from '@parley/contracts';
import {
  ConversationsRepository,
  MessagesRepository,
  RealtimePublisher,
  toConversationView,
  type ConversationRow,
  type MessageRow,
  type Persona,
} from '@parley/data';
import { botMaySpeak, decide, factsAfterBotTurn, nextToneTrend, visitorMessageFacts, type ToneTrend } from '@parley/domain';
import { MessageAnalysisService, type AnalysisResult } from '../analysis/message-analysis.service';
import { BotTurnService, type TurnReads } from '../bot-turn/bot-turn.service';
import { ProviderDirectory } from '../bot-turn/provider-directory';
import { TurnLock } from '../bot-turn/turn-lock';
import { EscalationService } from '../escalation/escalation.service';
import { RuleContextService } from '../escalation/rule-context.service';
import type { JobHandler } from '../jobs/job-handler';

/** The local analysis stored with the message when it was accepted, if it is there. */
function storedAnalysis(message: MessageRow): Analysis | undefined {
  if (message.toneLabel && message.toneScore !== null && message.intent) {
    return { tone: { label: message.toneLabel as ToneLabel, score: message.toneScore }, intent: message.intent as Intent };
  }
  return undefined;
}

/**
 * A visitor's message: analyse it, update the conversation's tone, run the persona's escalation
 * rules (and the built-in request for a person), let the bot answer if nobody took over, then run
 * the rules again for what the reply changed (bot turns, unanswered turns). Turns of one
 * conversation run one at a time, and each message is handled at most once.
 *
 * Everything the turn reads about the conversation comes in one query; the reply's own reads
 * (providers, budget, articles, transcript) start right after it, alongside the analysis and the
 * rules, and are used if the rules leave the transcript as it was.
 */
@Injectable()
export class VisitorMessageHandler implements JobHandler<JobName.VisitorMessage> {
  readonly jobName = JobName.VisitorMessage;

  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly realtime: RealtimePublisher,
    private readonly analysis: MessageAnalysisService,
    private readonly context: RuleContextService,
    private readonly escalation: EscalationService,
    private readonly botTurn: BotTurnService,
    private readonly lock: TurnLock,
    private readonly providers: ProviderDirectory,
  ) {}

  async handle({ orgId, conversationId, messageId }: JobData<JobName.VisitorMessage>): Promise<void> {
    await this.lock.runOnce(conversationId, messageId, async () => {
      const turn = await this.conversations.findTurn(orgId, conversationId, messageId);
      if (!turn) return;
      const { conversation, message, persona, orgName } = turn;
      const subject = { conversation, question: message, persona, orgName };
      const reads = persona && botMaySpeak(conversation.status) ? this.botTurn.startReads(subject) : undefined;

      const [result, context] = await Promise.all([this.analyse(conversation, message, persona, reads), this.context.load(turn)]);
      const { analysis } = result;
      const trend = nextToneTrend({ score: conversation.toneScore, negativeStreak: conversation.negativeStreak }, analysis.tone);
      // The tone is recorded while the bot starts (it is not on the reply's critical path), but
      // before any escalation, whose handoff summary reads it.
      const recorded = this.record(conversation, message, result, trend);
      recorded.catch(() => undefined); // awaited below; this only keeps an early failure from being unhandled

      const facts = visitorMessageFacts(message.text, analysis, trend, conversation, context);
      const before = await decide(context.rules, facts, 'message');
      const acted = before.fired.length > 0 || before.plan.escalate !== undefined;
      if (acted) await recorded;
      const escalated = acted && (await this.escalation.apply(conversation, before.plan));
      if (!escalated) {
        // What the rules did (a message, tags, priority) is read again, and so is the reply's context.
        const current = acted ? ((await this.conversations.findById(orgId, conversationId)) ?? conversation) : conversation;
        await this.botTurn.run({ ...subject, conversation: current, analysis, reads: acted ? undefined : reads });
        const after = await this.conversations.findById(orgId, conversationId);
        if (after && (after.botTurns !== current.botTurns || after.unansweredTurns !== current.unansweredTurns)) {
          const reply = await decide(context.rules, factsAfterBotTurn(facts, after), 'reply', before.plan.fired);
          await this.escalation.apply(after, reply.plan);
        }
      }
      await recorded;
    });
  }

  private async analyse(conversation: ConversationRow, message: MessageRow, persona: Persona | null, reads?: TurnReads): Promise<AnalysisResult> {
    const mode: AnalysisMode = persona?.analysisMode === 'llm' ? 'llm' : 'local';
    // The persona's first model answers the analysis; chains are resolved only in `llm` mode.
    const providers = persona && mode === 'llm' ? await (reads?.providers ?? this.providers.load(conversation.orgId)) : null;
    const target = persona && providers ? (providers.chainFor(persona)[0] ?? null) : null;
    return this.analysis.analyse(message.text, mode, target, storedAnalysis(message));
  }

  /** The conversation's tone trend, and the message's analysis when it is not the one stored at accept time. */
  private async record(conversation: ConversationRow, message: MessageRow, result: AnalysisResult, trend: ToneTrend): Promise<void> {
    const { orgId } = conversation;
    await this.conversations.recordTone(orgId, conversation.id, trend);
    if (result.source === 'llm') await this.messages.recordAnalysis(orgId, message.id, result.analysis, result.source);
    this.realtime.conversationUpdated(orgId, {
      ...toConversationView(conversation),
      tone: { label: trend.label, score: trend.score, negativeStreak: trend.negativeStreak },
    });
  }
}
