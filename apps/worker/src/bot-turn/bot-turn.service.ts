import { Injectable, Logger } from '@nestjs/common';
import { CONVERSATION_STATUSES, type Analysis } from '@parley/contracts';
import {
  ConversationsRepository,
  MessagesRepository,
  RealtimePublisher,
  toMessageView,
  toVisitorMessageView,
  type ConversationRow,
  type MessageRow,
  type NewMessage,
  type Persona,
} from '@parley/data';
import {
  answerFromKnowledge,
  assemblePrompt,
  botMaySpeak,
  citationsForReply,
  numberReferences,
  toCitation,
  transcriptTokenBudget,
  withAttachmentNotes,
  type PromptImage,
} from '@parley/domain';
import { ESCALATE_TOOL, ESCALATE_TOOL_NAME, isAbortError } from '@parley/llm';
import { randomUUID } from 'node:crypto';
import { PromptImagesService } from '../attachments/prompt-images.service';
import { EscalationService } from '../escalation/escalation.service';
import { KnowledgeRetrievalService, type TurnRetrieval } from '../knowledge/knowledge-retrieval.service';
import type { RetrievedPassage } from '../knowledge/retriever';
import { LlmGateway, type CompletionResult } from './llm-gateway';
import { ProviderDirectory, type ProviderChains, type ResolvedTarget } from './provider-directory';
import { TurnCancellation } from './turn-cancellation';
import { discardedUsage, turnUsage, type TurnUsage } from './turn-usage';
import { UsageBudget, type BudgetCheck } from './usage-budget';

const TRANSCRIPT_MESSAGES = 40;

/** A reply its model streamed in part before failing: dropped, but paid for. */
interface DiscardedReply {
  target: ResolvedTarget;
  usage: TurnUsage;
}

function spendOf(discarded: readonly DiscardedReply[]): { tokens: number; costUsd: number } {
  return discarded.reduce(
    (sum, { usage }) => ({ tokens: sum.tokens + usage.promptTokens + usage.completionTokens, costUsd: sum.costUsd + usage.costUsd }),
    { tokens: 0, costUsd: 0 },
  );
}
const ARTICLES_PER_TURN = 3;
/** The statuses in which the bot may still add its reply. */
const BOT_SPEAKS_IN = CONVERSATION_STATUSES.filter(botMaySpeak);

export const LLM_UNAVAILABLE_MESSAGE =
  "I'm sorry, I can't answer right now. I'm bringing in a person from our team to help you.";

/** What the turn answers, with the persona and organization name as read for this turn. */
export interface TurnSubject {
  conversation: ConversationRow;
  question: MessageRow;
  /** Null when the persona was deleted: the bot does not answer. */
  persona: Persona | null;
  orgName: string;
}

export interface TurnInput extends TurnSubject {
  analysis: Analysis;
  /** Reads started earlier with `startReads` for this very transcript; read afresh when absent. */
  reads?: TurnReads;
}

/**
 * The reads a reply needs, started together (they are independent): the turn waits for the
 * slowest, not their sum. Read on every turn, so a provider or budget change applies to the next reply.
 */
export interface TurnReads {
  providers: Promise<ProviderChains>;
  budget: Promise<BudgetCheck>;
  retrieval: Promise<TurnRetrieval>;
  transcript: Promise<MessageRow[]>;
  images: Promise<PromptImage[]>;
}

interface Turn extends TurnInput {
  orgId: string;
  conversationId: string;
  persona: Persona;
}

/** One bot reply: retrieve articles, then answer with the LLM (streaming) or from the articles. */
@Injectable()
export class BotTurnService {
  private readonly logger = new Logger(BotTurnService.name);

  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly messages: MessagesRepository,
    private readonly knowledge: KnowledgeRetrievalService,
    private readonly realtime: RealtimePublisher,
    private readonly escalation: EscalationService,
    private readonly cancellation: TurnCancellation,
    private readonly llm: LlmGateway,
    private readonly providers: ProviderDirectory,
    private readonly budget: UsageBudget,
    private readonly images: PromptImagesService,
  ) {}

  /**
   * Starts the turn's reads. A caller may start them before it knows the bot will answer (while
   * the message is analysed and the rules run) and pass them to `run`, as long as nothing was
   * added to the transcript in between.
   */
  startReads({ conversation, question, persona }: TurnSubject): TurnReads {
    const { orgId, id } = conversation;
    const reads: TurnReads = {
      providers: this.providers.load(orgId),
      budget: this.budget.check(orgId),
      retrieval: this.knowledge.forPersona(orgId, persona, question.text, ARTICLES_PER_TURN),
      transcript: this.messages.recentTranscript(orgId, id, TRANSCRIPT_MESSAGES),
      images: this.images.forMessage(orgId, question),
    };
    // Each is awaited by the turn that uses it; one left unused must not fail the process.
    for (const read of Object.values(reads) as Array<Promise<unknown>>) read.catch(() => undefined);
    return reads;
  }

  async run(input: TurnInput): Promise<void> {
    const { conversation, persona } = input;
    if (!botMaySpeak(conversation.status) || !persona) return;
    const reads = input.reads ?? this.startReads(input);
    const turn: Turn = { ...input, persona, orgId: conversation.orgId, conversationId: conversation.id };
    const [providers, budget] = await Promise.all([reads.providers, reads.budget]);
    const targets = providers.chainFor(persona);
    const overBudget = targets.length > 0 && budget.reached;
    if (overBudget) await this.budget.turnBlocked(turn.orgId, budget);
    if (targets.length === 0 || overBudget) {
      const { passages } = await reads.retrieval;
      return this.answerFromKnowledge(turn, passages, overBudget ? 'budget_reached' : undefined);
    }

    const { signal, release } = this.cancellation.register(turn.conversationId);
    this.realtime.typing(turn.orgId, { conversationId: turn.conversationId, role: 'bot', on: true });
    try {
      await this.answerWithLlm(turn, reads, signal, targets, budget);
    } finally {
      release();
      this.realtime.typing(turn.orgId, { conversationId: turn.conversationId, role: 'bot', on: false });
    }
  }

  private async answerWithLlm(turn: Turn, reads: TurnReads, signal: AbortSignal, targets: ResolvedTarget[], budget: BudgetCheck) {
    const { persona, orgName } = turn;
    const [retrieval, transcript, images] = await Promise.all([reads.retrieval, reads.transcript, reads.images]);
    const references = numberReferences(retrieval.passages);
    const prompt = assemblePrompt({
      orgName,
      persona: { name: persona.name, instructions: persona.instructions, tone: persona.tone ?? undefined, languagePolicy: persona.languagePolicy },
      articles: references.map((reference) => ({ id: reference.articleId, title: reference.title, url: reference.url ?? undefined, text: reference.text })),
      transcript: transcript.map((message) => ({
        role: message.role,
        text: withAttachmentNotes(message.text, message.attachments?.map((a) => ({ name: a.fileName, contentType: a.contentType }))),
        internal: message.internal,
        authorName: message.author?.name,
      })),
      analysis: turn.analysis,
      maxTranscriptTokens: transcriptTokenBudget(targets[0]?.contextWindow, persona.maxReplyTokens ?? undefined),
    });

    // A model that fails mid-stream is replaced by the next; its partial reply is discarded and
    // the next one streams under a new id, so the visitor never sees the broken half twice.
    let messageId = randomUUID();
    // Replies cut mid-stream and dropped: their tokens were spent and count like any other call's.
    const discarded: DiscardedReply[] = [];
    let result: CompletionResult;
    try {
      result = await this.llm.complete(
        {
          targets,
          messages: (target) => this.images.promptFor(target, prompt, images),
          tools: [ESCALATE_TOOL],
          temperature: persona.temperature ?? undefined,
          maxTokens: persona.maxReplyTokens ?? undefined,
          signal,
        },
        {
          onDelta: (delta, index) =>
            this.realtime.messageDelta(turn.orgId, { conversationId: turn.conversationId, messageId, delta, index }),
          onDiscard: ({ target, text }) => {
            this.realtime.messageDiscard(turn.orgId, { conversationId: turn.conversationId, messageId });
            messageId = randomUUID();
            discarded.push({ target, usage: discardedUsage(prompt, target, text) });
          },
        },
      );
    } catch (error) {
      if (isAbortError(error) || signal.aborted) return;
      this.logger.warn(`every model failed for conversation ${turn.conversationId}: ${(error as Error).message}`);
      if (discarded.length > 0) {
        await this.recordDiscarded(turn, budget, discarded);
        await this.conversations.addSpend(turn.orgId, turn.conversationId, spendOf(discarded));
      }
      await this.publish(turn, { role: 'system', text: LLM_UNAVAILABLE_MESSAGE });
      await this.escalation.escalate({ ...this.target(turn), reason: 'the assistant is unavailable', source: 'llm_unavailable' });
      return;
    }
    if (signal.aborted) return;

    const usage = turnUsage(prompt, result);
    const text = result.text.trim();
    if (text) {
      await this.publishIfBotMaySpeak(turn, {
        id: messageId,
        role: 'bot',
        text,
        citations: citationsForReply(text, references),
        usage: { model: result.model, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens, costUsd: usage.costUsd },
        metadata: { provider: result.target.providerName, ...(usage.estimated ? { usageEstimated: true } : {}) },
      });
    }
    const spentOnDiscarded = spendOf(discarded);
    await Promise.all([
      this.conversations.recordBotTurn(turn.orgId, turn.conversationId, {
        // Unanswered for the escalation rules: no reply, or no retrieved article grounds it while the
        // persona's knowledge scope holds articles (with none at all, grounding is not expected).
        answered: text.length > 0 && (references.length > 0 || !retrieval.knowledgeInScope),
        tokens: usage.promptTokens + usage.completionTokens + spentOnDiscarded.tokens,
        costUsd: usage.costUsd + spentOnDiscarded.costUsd,
      }),
      this.budget.record(
        turn.orgId,
        {
          conversationId: turn.conversationId,
          personaId: persona.id,
          messageId: text ? messageId : null,
          provider: result.target.providerName,
          model: result.model,
          ...usage,
        },
        budget,
      ),
      this.recordDiscarded(turn, budget, discarded),
    ]);
    const escalateCall = result.toolCalls.find((call) => call.name === ESCALATE_TOOL_NAME);
    if (escalateCall) {
      const reason = typeof escalateCall.arguments['reason'] === 'string' ? escalateCall.arguments['reason'] : 'the assistant asked for a person';
      await this.escalation.escalate({ ...this.target(turn), reason, source: 'tool' });
    }
  }

  /** Usage ledger rows (and the month's spend) for replies dropped mid-stream: no message, estimated. */
  private async recordDiscarded(turn: Turn, budget: BudgetCheck, discarded: readonly DiscardedReply[]): Promise<void> {
    for (const { target, usage } of discarded) {
      const call = { conversationId: turn.conversationId, personaId: turn.persona.id, messageId: null, provider: target.providerName, model: target.model, ...usage };
      await this.budget.record(turn.orgId, call, budget);
    }
  }

  /** `budget_reached`: the organization's monthly LLM budget is spent, so the LLM is not asked. */
  private async answerFromKnowledge(turn: Turn, passages: RetrievedPassage[], reason?: 'budget_reached'): Promise<void> {
    const answer = answerFromKnowledge(
      turn.question.text,
      passages.map((passage) => ({ ...passage, body: passage.content })),
      this.knowledge.confidence,
    );
    await this.publishIfBotMaySpeak(turn, {
      role: 'bot',
      text: answer.text,
      citations: answer.article ? [toCitation(answer.article)] : undefined,
      metadata: { mode: 'knowledge_base', unanswered: answer.kind === 'unanswered', ...(reason ? { reason } : {}) },
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

  /**
   * Stores the reply only if nobody took the conversation over while it was being written: the
   * status is checked by the insert itself.
   */
  private async publishIfBotMaySpeak(turn: Turn, message: NewMessage): Promise<void> {
    const appended = await this.messages.appendWhileStatus(turn.orgId, turn.conversationId, BOT_SPEAKS_IN, message);
    if (appended?.created) this.realtime.messageNew(turn.orgId, toMessageView(appended.message), toVisitorMessageView(appended.message));
  }

  private async publish(turn: Turn, message: NewMessage): Promise<void> {
    const { message: row, created } = await this.messages.append(turn.orgId, turn.conversationId, message);
    if (created) this.realtime.messageNew(turn.orgId, toMessageView(row), toVisitorMessageView(row));
  }

  private target(turn: Turn) {
    return { orgId: turn.orgId, conversationId: turn.conversationId };
  }
}
