import { composeKnowledgeReply, extractAnswer, tokenizeForSearch } from './extractive-answer';
import { conceptsOf, expandQuestion } from './support-vocabulary';

/** A passage (or a whole article) found for the question, best first. */
export interface KnowledgeHit {
  title: string;
  body: string;
  url?: string | null;
  /** The article the passage belongs to (passages of one article are one candidate answer). */
  articleId?: string;
  /** The section heading the passage sits under. */
  heading?: string | null;
  /** Cosine similarity of the passage to the question, when an embeddings model ranked it. */
  similarity?: number | null;
}

/** When a passage is confident enough to be quoted as the answer. */
export interface ConfidenceThresholds {
  /** Confidence (confidenceSignals) the best passage must reach. */
  minConfidence: number;
  /** Or: cosine similarity to the question it must reach (depends on the embeddings model; unset: ignored). */
  minSimilarity?: number;
}

/** Knowledge-base mode's default confidence threshold, chosen on the retrieval eval's tuning set (docs/knowledge.md). */
export const MIN_CONFIDENCE = 0.45;

/** Why knowledge-base mode trusts a passage, or not: every input of its confidence. */
export interface ConfidenceSignals {
  /** Share of the question's concepts (content words, support synonyms folded) the passage and its title hold. */
  coverage: number;
  /** Share of them held by the title and the passage's single best sentence. */
  sentenceCoverage: number;
  /** Coverage minus the best coverage of another article among the hits (the coverage itself when there is none). */
  margin: number;
  /** The question asks about the visitor's own order, payment or account (an id, "has my refund been..."). */
  personal: boolean;
  /** 0..1, see confidenceSignals. */
  confidence: number;
}

const SENTENCE_BREAK = /(?<=[.!?])\s+|\n+/;

function shareHeld(question: ReadonlySet<string>, held: ReadonlySet<string>): number {
  if (question.size === 0) return 0;
  let count = 0;
  for (const concept of question) if (held.has(concept)) count++;
  return count / question.size;
}

/**
 * A reference to one order, parcel, payment or account: "#4512", "order 4512", "invoice no. 88231",
 * a number of 5 digits or more, a code mixing letters and digits ("1Z999AA1012"), an e-mail
 * address. Amounts ("orders over 100 euros") and years are not references.
 */
const IDENTIFIER = [
  /#\s?\d+/,
  /\b(?:order|invoice|ticket|account|parcel|package|shipment|tracking|reference|ref|receipt|transaction)s?\b(?:\s*(?:number|no|nr|id|code))?\s*[.:#]?\s*[a-z]{0,4}-?\d{3,}\b/i,
  /\b\d{5,}\b/,
  /\b(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{8,}\b/i,
  /\S+@\S+\.\w+/,
];
/** "Has my refund been approved?", "Did you get my parcel?", "Is my order shipped yet?". */
const OWN_CASE = [
  /^\s*(?:has|have|did|was|were)\b[^?]*\b(?:my|our)\b/i,
  /^\s*is\b[^?]*\b(?:my|our)\b[^?]*\b(?:been|yet|already|received|approved|processed|shipped|sent)\b/i,
];

/** Questions only someone who can look at the visitor's own records can answer. */
export function asksAboutOwnRecords(question: string): boolean {
  return [...IDENTIFIER, ...OWN_CASE].some((pattern) => pattern.test(question));
}

/**
 * Confidence of knowledge-base mode in each hit as the answer to the question, with the signals
 * it comes from: the hit must hold most of the question's concepts (coverage), one of its
 * sentences must hold a good part of them (sentenceCoverage: the answer is said, not scattered),
 * and it must beat the other articles found (margin). confidence = 0.5 × coverage + 0.3 ×
 * sentenceCoverage + 0.2 × margin; 0 for a question about the visitor's own records.
 */
export function confidenceSignals(question: string, hits: readonly KnowledgeHit[]): ConfidenceSignals[] {
  const asked = new Set(conceptsOf(question));
  const personal = asksAboutOwnRecords(question);
  const covered = hits.map((hit) => {
    const title = conceptsOf(`${hit.title} ${hit.heading ?? ''}`);
    const sentences = hit.body.split(SENTENCE_BREAK).map((sentence) => conceptsOf(sentence));
    const held = new Set([...title, ...sentences.flat()]);
    const sentenceCoverage = Math.max(0, ...sentences.map((sentence) => shareHeld(asked, new Set([...title, ...sentence]))));
    return { coverage: shareHeld(asked, held), sentenceCoverage };
  });
  const articleOf = (index: number) => hits[index].articleId ?? hits[index].title;
  return covered.map(({ coverage, sentenceCoverage }, index) => {
    const others = covered.filter((_, other) => articleOf(other) !== articleOf(index)).map((c) => c.coverage);
    const margin = coverage - Math.max(0, ...others);
    const score = 0.5 * coverage + 0.3 * sentenceCoverage + 0.2 * Math.max(0, margin);
    // Rounded, so that a score the signals make exactly 0.5 is 0.5, not 0.49999999999999994.
    const confidence = personal ? 0 : Math.round(score * 1e6) / 1e6;
    return { coverage, sentenceCoverage, margin, personal, confidence };
  });
}

export type KnowledgeAnswer<H extends KnowledgeHit = KnowledgeHit> =
  | { kind: 'answered'; text: string; article: H }
  | { kind: 'clarify'; text: string; article?: undefined }
  | { kind: 'unanswered'; text: string; article?: undefined };

export const CLARIFY_TEXT = 'Could you tell me a little more about what you need help with?';
export const UNANSWERED_TEXT = "I couldn't find an answer to that in our help articles.";
export const OWN_RECORDS_TEXT = 'A person from our team needs to look at that for you.';

/**
 * Knowledge-base mode: the passage knowledge-base mode is most confident in, quoted with its
 * source when it reaches the threshold, or an honest "I don't know".
 */
export function answerFromKnowledge<H extends KnowledgeHit>(
  question: string,
  hits: readonly H[],
  thresholds: ConfidenceThresholds = { minConfidence: MIN_CONFIDENCE },
): KnowledgeAnswer<H> {
  if (tokenizeForSearch(question).length === 0) return { kind: 'clarify', text: CLARIFY_TEXT };
  if (asksAboutOwnRecords(question)) return { kind: 'unanswered', text: OWN_RECORDS_TEXT };
  const signals = confidenceSignals(question, hits);
  let best = -1;
  for (const [index, hit] of hits.entries()) {
    const { confidence } = signals[index];
    const similar = thresholds.minSimilarity !== undefined && (hit.similarity ?? -1) >= thresholds.minSimilarity;
    if (confidence < thresholds.minConfidence && !similar) continue;
    if (best < 0 || confidence > signals[best].confidence) best = index;
  }
  if (best < 0) return { kind: 'unanswered', text: UNANSWERED_TEXT };
  const hit = hits[best];
  const excerpt = extractAnswer(expandQuestion(question), hit);
  return { kind: 'answered', text: composeKnowledgeReply(hit, excerpt), article: hit };
}
