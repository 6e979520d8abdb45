import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Analysis, Citation } from '@parley/contracts';
import {
  ConversationsRepository,
  KnowledgeRepository,
  MessagesRepository,
  PersonasRepository,
  RealtimePublisher,
  StaffRepository,
  toMessageView,
  toVisitorMessageView,
  type ArticleHit,
  type ConversationRow,
  type MessageRow,
  type NewMessage,
} from '@parley/data';
import { answerFromKnowledge, assemblePrompt, botMaySpeak } from '@parley/domain';
import { ESCALATE_TOOL, ESCALATE_TOOL_NAME, estimateCostUsd, isAbortError, type ChatResult } from '@parley/llm';
import { randomUUID } from 'node:crypto';
import { EscalationService } from '../escalation/escalation.service';
import { WORKER_CONFIG, type WorkerConfig } from '../worker-config';
import { LlmGateway } from './llm-gateway';
import { TurnCancellation } from './turn-cancellation';

const TRANSCRIPT_MESSAGES = 40;
const MAX_TRANSCRIPT_CHARS = 24_000;
const ARTICLES_PER_TURN = 3;
export const LLM_UNAVAILABLE_MESSAGE =
  "I'm sorry, I can't answer right now. I'm bringing in a person from our team to help you.";

export interface TurnInput {
  conversation: ConversationRow;
  question: MessageRow;
  analysis: Analysis;
}

interface Turn extends TurnInput {
  orgId: string;
  conversationId: string;
}

/** One bot reply: retrieve articles, then answer with the LLM (streaming) or from the articles. */
@Injectable()
export class BotTurnService {
  private readonly logger = new Logger(BotTurnService.name);

  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly personas: PersonasRepository,
    private readonly knowledge: KnowledgeRepository,
    private readonly staff: StaffRepository,
    private readonly realtime: RealtimePublisher,
    private readonly escalation: EscalationService,
    private readonly cancellation: TurnCancellation,
    private readonly llm: LlmGateway,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async run(input: TurnInput): Promise<void> {
    const { conversation } = input;
    if (!botMaySpeak(conversation.status)) return;
    const turn: Turn = { ...input, orgId: conversation.orgId, conversationId: conversation.id };
    if (!this.llm.enabled) {
      return this.answerFromKnowledge(turn, await this.knowledge.search(turn.orgId, turn.question.text, ARTICLES_PER_TURN));
    }

    const { signal, release } = this.cancellation.register(turn.conversationId);
    this.realtime.typing(turn.orgId, { conversationId: turn.conversationId, role: 'bot', on: true });
    try {
      await this.answerWithLlm(turn, signal);
    } finally {
      release();
      this.realtime.typing(turn.orgId, { conversationId: turn.conversationId, role: 'bot', on: false });
    }
  }

  private async answerWithLlm(turn: Turn, signal: AbortSignal) {
    // Independent reads, in parallel: the turn waits for the slowest, not for their sum.
    const [persona, articles, transcript, orgName] = await Promise.all([
      this.personas.findById(turn.orgId, turn.conversation.personaId),
      this.knowledge.search(turn.orgId, turn.question.text, ARTICLES_PER_TURN),
      this.messages.recentTranscript(turn.orgId, turn.conversationId, TRANSCRIPT_MESSAGES),
      this.staff.getOrganizationName(turn.orgId),
    ]);
    if (!persona) return;
    const prompt = assemblePrompt({
      orgName,
      persona: { name: persona.name, instructions: persona.instructions, tone: persona.tone ?? undefined, languagePolicy: persona.languagePolicy },
      articles: articles.map((article) => ({ id: article.id, title: article.title, url: article.url ?? undefined, text: article.body })),
      transcript: transcript.map((message) => ({
        role: message.role,
        text: message.text,
        internal: message.internal,
        authorName: message.author?.name,
      })),
      analysis: turn.analysis,
      maxTranscriptChars: MAX_TRANSCRIPT_CHARS,
    });

    const messageId = randomUUID();
    let result: ChatResult;
    try {
      result = await this.llm.complete(
        {
          models: [persona.model ?? this.config.LLM_MODEL, ...persona.fallbackModels],
          messages: prompt,
          tools: [ESCALATE_TOOL],
          temperature: persona.temperature ?? undefined,
          maxTokens: persona.maxReplyTokens ?? undefined,
          signal,
        },
        (delta, index) =>
          this.realtime.messageDelta(turn.orgId, { conversationId: turn.conversationId, messageId, delta, index }),
      );
    } catch (error) {
      if (isAbortError(error) || signal.aborted) return;
      this.logger.warn(`every model failed for conversation ${turn.conversationId}: ${(error as Error).message}`);
      await this.publish(turn, { role: 'system', text: LLM_UNAVAILABLE_MESSAGE });
      await this.escalation.escalate({ ...this.target(turn), reason: 'the assistant is unavailable', source: 'llm_unavailable' });
      return;
    }
    if (signal.aborted) return;

    const costUsd = estimateCostUsd(result.model, result.usage);
    const text = result.text.trim();
    if (text) {
      await this.publishIfBotMaySpeak(turn, {
        id: messageId,
        role: 'bot',
        text,
        citations: citationsFor(articles),
        usage: { model: result.model, ...result.usage, costUsd },
      });
    }
    await this.conversations.recordBotTurn(turn.orgId, turn.conversationId, {
      // Unanswered for the escalation rules: no reply, or one no article grounds.
      answered: text.length > 0 && articles.length > 0,
      tokens: result.usage.promptTokens + result.usage.completionTokens,
      costUsd,
    });
    const escalateCall = result.toolCalls.find((call) => call.name === ESCALATE_TOOL_NAME);
    if (escalateCall) {
      const reason = typeof escalateCall.arguments['reason'] === 'string' ? escalateCall.arguments['reason'] : 'the assistant asked for a person';
      await this.escalation.escalate({ ...this.target(turn), reason, source: 'tool' });
    }
  }

  private async answerFromKnowledge(turn: Turn, articles: ArticleHit[]): Promise<void> {
    const answer = answerFromKnowledge(turn.question.text, articles);
    await this.publishIfBotMaySpeak(turn, {
      role: 'bot',
      text: answer.text,
      citations: answer.article ? citationsFor([answer.article]) : undefined,
      metadata: { mode: 'knowledge_base', unanswered: answer.kind === 'unanswered' },
    });
    await this.conversations.recordBotTurn(turn.orgId, turn.conversationId, {
      answered: answer.kind === 'answered',
      tokens: 0,
      costUsd: 0,
    });
    if (answer.kind === 'unanswered') {
      await this.escalation.escalate({
        ...this.target(turn),
        reason: 'no article answers the question',
        source: 'unanswered',
      });
    }
  }

  /** Stores the reply only if nobody took the conversation over while it was being written. */
  private async publishIfBotMaySpeak(turn: Turn, message: NewMessage): Promise<void> {
    const status = await this.conversations.statusOf(turn.orgId, turn.conversationId);
    if (!status || !botMaySpeak(status)) return;
    await this.publish(turn, message);
  }

  private async publish(turn: Turn, message: NewMessage): Promise<void> {
    const { message: row, created } = await this.messages.append(turn.orgId, turn.conversationId, message);
    if (created) this.realtime.messageNew(turn.orgId, toMessageView(row), toVisitorMessageView(row));
  }

  private target(turn: Turn) {
    return { orgId: turn.orgId, conversationId: turn.conversationId };
  }
}

function citationsFor(articles: Pick<ArticleHit, 'id' | 'title' | 'url'>[]): Citation[] {
  return articles.map((article) => ({
    articleId: article.id,
    title: article.title,
    ...(article.url ? { url: article.url } : {}),
  }));
}
