import { composeKnowledgeReply, extractAnswer, tokenizeForSearch } from './extractive-answer';

/** An article found for the question, best first. */
export interface KnowledgeHit {
  title: string;
  body: string;
  url?: string | null;
}

/** Share of the question's content words an article must contain to be offered as the answer. */
export const MIN_COVERAGE = 0.5;

export type KnowledgeAnswer<H extends KnowledgeHit = KnowledgeHit> =
  | { kind: 'answered'; text: string; article: H }
  | { kind: 'clarify'; text: string; article?: undefined }
  | { kind: 'unanswered'; text: string; article?: undefined };

export const CLARIFY_TEXT = 'Could you tell me a little more about what you need help with?';
export const UNANSWERED_TEXT = "I couldn't find an answer to that in our help articles.";

/** Knowledge-base mode: the best article's most relevant passage, or an honest "I don't know". */
export function answerFromKnowledge<H extends KnowledgeHit>(question: string, hits: H[]): KnowledgeAnswer<H> {
  const words = new Set(tokenizeForSearch(question));
  if (words.size === 0) return { kind: 'clarify', text: CLARIFY_TEXT };
  for (const hit of hits) {
    const articleWords = new Set(tokenizeForSearch(`${hit.title} ${hit.body}`));
    const covered = [...words].filter((word) => articleWords.has(word)).length;
    if (covered / words.size >= MIN_COVERAGE) {
      const excerpt = extractAnswer(question, hit);
      return { kind: 'answered', text: composeKnowledgeReply(hit, excerpt), article: hit };
    }
  }
  return { kind: 'unanswered', text: UNANSWERED_TEXT };
}
