import { foldText } from '../text/fold';

/*
 * Knowledge-base mode (no LLM): the bot answers with the passage of the best article that shares
 * the most informative words with the question, quoted as written, and names its source.
 */

const STOP_WORDS: ReadonlySet<string> = new Set(
  `
  a about above after again against all am an and any are as at be because been before being below between both
  but by can cannot could did do does doing down during each few for from further get got had has have having he
  her here hers herself him himself his how i if in into is it its itself just let me more most my myself no nor
  not of off on once only or other ought our ours ourselves out over own please same she should so some such
  than that the their theirs them themselves then there these they this those through to too under until up very
  was we were what when where which while who whom why will with would you your yours yourself yourselves hi
  hello hey thanks thank im ive id ill dont doesnt didnt cant isnt wont need want know tell help anyone someone
  way also may might must shall us one stuff thing things something anything everything possible
  `
    .trim()
    .split(/\s+/),
);

/**
 * Light English stemming, enough to match "refunds"/"refunded"/"refunding" and "ship"/"shipped".
 * Doubled letters are collapsed in every form, so "cancel"/"cancelled" and "install"/"installing" meet.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ss|x|ch|sh|zz)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('ed')) w = w.slice(0, -2);
  w = w.replace(/(.)\1+/g, '$1');
  if (w.length > 2 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Content words of a text, folded (case, accents), without English stop words, stemmed. */
export function tokenizeForSearch(text: string): string[] {
  return foldText(text)
    .replace(/'/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map(stem);
}

interface Span {
  text: string;
  /** Term → number of occurrences. */
  terms: ReadonlyMap<string, number>;
}

const PARAGRAPH_BREAK = /\n[ \t]*\n+/;
const SENTENCE_END = /[.!?]+["')\]]*\s+|\n+/g;
const HEADING_MARKS = /^#{1,6}\s*/gm;

/** Paragraphs of an article; a heading alone is joined to the paragraph it introduces. */
function paragraphsOf(body: string): string[] {
  const paragraphs: string[] = [];
  let heading = '';
  for (const raw of body.split(PARAGRAPH_BREAK)) {
    const paragraph = raw.replace(HEADING_MARKS, '').trim();
    if (paragraph === '') continue;
    const isHeading = /^#/.test(raw.trim()) && !paragraph.includes('\n');
    if (isHeading) {
      heading = heading ? `${heading}\n${paragraph}` : paragraph;
      continue;
    }
    paragraphs.push(heading ? `${heading}\n${paragraph}` : paragraph);
    heading = '';
  }
  if (heading) paragraphs.push(heading);
  return paragraphs;
}

interface Sentence extends Span {
  start: number;
  end: number;
}

/** Sentences (and list lines) of a paragraph, as positions in it so a run of them keeps its layout. */
function sentencesOf(paragraph: string): Sentence[] {
  const sentences: Sentence[] = [];
  const add = (start: number, end: number): void => {
    const text = paragraph.slice(start, end).trim();
    if (text) sentences.push({ text, start, end, terms: termCounts(text) });
  };
  let start = 0;
  for (const match of paragraph.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    add(start, end);
    start = end;
  }
  add(start, paragraph.length);
  return sentences;
}

function termCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of tokenizeForSearch(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

function spansOf(texts: readonly string[]): Span[] {
  return texts.map((text) => ({ text, terms: termCounts(text) }));
}

/** Terms found in fewer paragraphs say more about which paragraph is meant. */
function weights(question: ReadonlySet<string>, paragraphs: readonly Span[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const term of question) {
    const df = paragraphs.filter((p) => p.terms.has(term)).length;
    if (df > 0) result.set(term, Math.log(1 + paragraphs.length / df));
  }
  return result;
}

/** Sum over the question's terms of weight × (1 + ln occurrences). */
function score(terms: ReadonlyMap<string, number>, weight: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const [term, value] of weight) {
    const occurrences = terms.get(term) ?? 0;
    if (occurrences > 0) total += value * (1 + Math.log(occurrences));
  }
  return total;
}

/** The best-scoring run of consecutive sentences that fits in maxChars, extended while it fits. */
function bestWindow(paragraph: string, weight: ReadonlyMap<string, number>, maxChars: number): string {
  const sentences = sentencesOf(paragraph);
  let best = { score: -1, from: -1, text: '' };
  for (let from = 0; from < sentences.length; from++) {
    const covered = new Map<string, number>();
    for (let to = from; to < sentences.length; to++) {
      const text = paragraph.slice(sentences[from].start, sentences[to].end).trim();
      if (text.length > maxChars) break;
      for (const [term, n] of sentences[to].terms) covered.set(term, (covered.get(term) ?? 0) + n);
      const value = score(covered, weight);
      // At equal score, the sentences that follow the best start are kept: they usually go on answering.
      if (value > best.score || (value === best.score && from === best.from))
        best = { score: value, from, text };
    }
  }
  return best.text || cutAtWord(sentences[0]?.text ?? paragraph, maxChars);
}

function cutAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, Math.max(0, maxChars - 1));
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * The passage of `article` that best answers `question`: the paragraph sharing the most
 * informative content words with it, or the best run of its sentences when the paragraph is
 * longer than maxChars. With no word in common, the article's opening.
 */
export function extractAnswer(
  question: string,
  article: { title: string; body: string },
  maxChars = 600,
): string {
  const paragraphs = spansOf(paragraphsOf(article.body));
  if (paragraphs.length === 0) return '';
  const weight = weights(new Set(tokenizeForSearch(question)), paragraphs);

  let best = paragraphs[0];
  let bestScore = 0;
  for (const paragraph of paragraphs) {
    const value = score(paragraph.terms, weight);
    if (value > bestScore) {
      best = paragraph;
      bestScore = value;
    }
  }
  if (best.text.length <= maxChars) return best.text;
  return bestWindow(best.text, bestScore > 0 ? weight : new Map(), maxChars);
}

/** What the visitor reads in knowledge-base mode: the excerpt, then where it comes from. */
export function composeKnowledgeReply(
  article: { title: string; url?: string | null },
  excerpt: string,
): string {
  const source = article.url ? `${article.title} (${article.url})` : article.title;
  return `${excerpt.trim()}\n\nSource: ${source}`;
}
