import { tokenizeForSearch } from './extractive-answer';

/*
 * The bot cites the articles it used, not every article it was shown. The prompt numbers its
 * references [1], [2]...; the model marks the sentences it grounds with those numbers; the reply's
 * markers become the message's citations.
 */

/** A retrieved passage, with the article it comes from. */
export interface PassageHit {
  articleId: string;
  title: string;
  url?: string | null;
  content: string;
}

/** One numbered reference of the prompt: an article and the passages of it that were retrieved. */
export interface NumberedReference {
  number: number;
  articleId: string;
  title: string;
  url?: string | null;
  text: string;
}

export interface ArticleCitation {
  articleId: string;
  title: string;
  url?: string;
}

/**
 * Groups passages by article, in the order of each article's best passage, numbered from 1; an
 * article's passages are joined in retrieval order.
 */
export function numberReferences(hits: readonly PassageHit[]): NumberedReference[] {
  const references: NumberedReference[] = [];
  const byArticle = new Map<string, NumberedReference>();
  for (const hit of hits) {
    const existing = byArticle.get(hit.articleId);
    if (existing) {
      existing.text = `${existing.text}\n\n…\n\n${hit.content.trim()}`;
      continue;
    }
    const reference = { number: references.length + 1, articleId: hit.articleId, title: hit.title, url: hit.url, text: hit.content.trim() };
    byArticle.set(hit.articleId, reference);
    references.push(reference);
  }
  return references;
}

/** `[1]`, `[2, 3]`, `[1][3]`: the reference numbers a reply cites, in order of first use. */
export function parseCitationMarkers(reply: string): number[] {
  const numbers: number[] = [];
  for (const match of reply.matchAll(/\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g)) {
    for (const part of match[1].split(',')) {
      const number = Number(part.trim());
      if (!numbers.includes(number)) numbers.push(number);
    }
  }
  return numbers;
}

/** Share of a reply's content words a reference must contain to be cited for an unmarked reply. */
export const UNMARKED_REPLY_MIN_OVERLAP = 0.5;

/**
 * The citations of a reply: the references it marks (numbers outside the list are ignored). A reply
 * without markers cites the one reference that holds at least half of its content words, if any:
 * a model that ignores the instruction still gets its source shown when the reply plainly comes
 * from one article, and a reply that does not ("I don't know") cites nothing.
 */
export function citationsForReply(reply: string, references: readonly NumberedReference[]): ArticleCitation[] {
  const marked = parseCitationMarkers(reply)
    .map((number) => references.find((reference) => reference.number === number))
    .filter((reference): reference is NumberedReference => reference !== undefined);
  if (marked.length > 0) return marked.map(toCitation);
  const used = bestOverlap(reply, references);
  return used ? [toCitation(used)] : [];
}

function bestOverlap(reply: string, references: readonly NumberedReference[]): NumberedReference | undefined {
  const words = new Set(tokenizeForSearch(reply));
  if (words.size === 0) return undefined;
  let best: { reference: NumberedReference; overlap: number } | undefined;
  for (const reference of references) {
    const referenceWords = new Set(tokenizeForSearch(`${reference.title} ${reference.text}`));
    const overlap = [...words].filter((word) => referenceWords.has(word)).length / words.size;
    if (overlap >= UNMARKED_REPLY_MIN_OVERLAP && (!best || overlap > best.overlap)) best = { reference, overlap };
  }
  return best?.reference;
}

export function toCitation(article: { articleId: string; title: string; url?: string | null }): ArticleCitation {
  return { articleId: article.articleId, title: article.title, ...(article.url ? { url: article.url } : {}) };
}
