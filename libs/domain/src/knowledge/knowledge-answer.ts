import { composeKnowledgeReply, extractAnswer, tokenizeForSearch } from './extractive-answer';

/** A passage (or a whole article) found for the question, best first. */
export interface KnowledgeHit {
  title: string;
  body: string;
  url?: string | null;
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

/** Knowledge-base mode: the best article's most relevant passage, or an honest "I don't know". */
export function answerFromKnowledge<H extends KnowledgeHit>(
  question: string,
  hits: readonly H[],
  minCoverage = MIN_COVERAGE,
): KnowledgeAnswer<H> {
  if (tokenizeForSearch(question).length === 0) return { kind: 'clarify', text: CLARIFY_TEXT };
  for (const hit of hits) {
    if (answerConfidence(question, hit) >= minCoverage) {
      const excerpt = extractAnswer(question, hit);
      return { kind: 'answered', text: composeKnowledgeReply(hit, excerpt), article: hit };
    }
  }
  return { kind: 'unanswered', text: UNANSWERED_TEXT };
}
