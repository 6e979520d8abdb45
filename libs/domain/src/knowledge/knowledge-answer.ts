import { composeKnowledgeReply, extractAnswer, tokenizeForSearch } from './extractive-answer';

/** A passage (or a whole article) found for the question, best first. */
export interface KnowledgeHit {
  title: string;
  body: string;
  url?: string | null;
  /** Cosine similarity of the passage to the question, when an embeddings model ranked it. */
  similarity?: number | null;
}

/** When a passage is confident enough to be quoted as the answer. */
export interface ConfidenceThresholds {
  /** Share of the question's content words the passage must hold. */
  minCoverage: number;
  /** Or: cosine similarity to the question it must reach (depends on the embeddings model; unset: ignored). */
  minSimilarity?: number;
}

/**
 * Share of the question's content words a passage (with its title) must contain to be offered as
 * the answer: the knowledge-base mode's confidence threshold, chosen on the retrieval eval set
 * (docs/knowledge.md).
 */
export const MIN_COVERAGE = 0.5;

/** The knowledge-base mode's confidence in a passage: the share of the question's content words it holds. */
export function answerConfidence(question: string, hit: Pick<KnowledgeHit, 'title' | 'body'>): number {
  const words = new Set(tokenizeForSearch(question));
  if (words.size === 0) return 0;
  const hitWords = new Set(tokenizeForSearch(`${hit.title} ${hit.body}`));
  return [...words].filter((word) => hitWords.has(word)).length / words.size;
}

export type KnowledgeAnswer<H extends KnowledgeHit = KnowledgeHit> =
  | { kind: 'answered'; text: string; article: H }
  | { kind: 'clarify'; text: string; article?: undefined }
  | { kind: 'unanswered'; text: string; article?: undefined };

export const CLARIFY_TEXT = 'Could you tell me a little more about what you need help with?';
export const UNANSWERED_TEXT = "I couldn't find an answer to that in our help articles.";

/** A passage is confident when it holds enough of the question's words, or is close enough in meaning. */
export function isConfident(question: string, hit: KnowledgeHit, thresholds: ConfidenceThresholds): boolean {
  if (answerConfidence(question, hit) >= thresholds.minCoverage) return true;
  return thresholds.minSimilarity !== undefined && (hit.similarity ?? -1) >= thresholds.minSimilarity;
}

/** Knowledge-base mode: the first confident passage, quoted with its source, or an honest "I don't know". */
export function answerFromKnowledge<H extends KnowledgeHit>(
  question: string,
  hits: readonly H[],
  thresholds: ConfidenceThresholds = { minCoverage: MIN_COVERAGE },
): KnowledgeAnswer<H> {
  if (tokenizeForSearch(question).length === 0) return { kind: 'clarify', text: CLARIFY_TEXT };
  for (const hit of hits) {
    if (isConfident(question, hit, thresholds)) {
      const excerpt = extractAnswer(question, hit);
      return { kind: 'answered', text: composeKnowledgeReply(hit, excerpt), article: hit };
    }
  }
  return { kind: 'unanswered', text: UNANSWERED_TEXT };
}
