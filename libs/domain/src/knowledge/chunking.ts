/*
 * Articles are retrieved passage by passage: a question about refunds should find the refund
 * section of a long "Billing" article, not the whole article ranked by every word in it.
 */

export interface ArticleChunk {
  /** 0-based order of the chunk in its article. */
  position: number;
  /** The heading the chunk's text sits under, if any. */
  heading: string | null;
  /** Markdown text of the passage, heading lines included, so it reads on its own. */
  content: string;
}

export interface ChunkingOptions {
  /** A chunk is closed at a heading once it holds this many tokens. */
  minTokens: number;
  /** A chunk never grows past this many tokens, except for one overlong sentence. */
  maxTokens: number;
  /** Sentences repeated at the start of the next chunk when a section is cut, up to this many tokens. */
  overlapTokens: number;
}

export const DEFAULT_CHUNKING: ChunkingOptions = { minTokens: 150, maxTokens: 300, overlapTokens: 40 };

/**
 * Tokens as an LLM tokenizer counts English prose, approximately: the mean of "4 characters a
 * token" and "0.75 words a token". Close enough to size passages; no tokenizer needed.
 */
export function estimateTokens(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.ceil((words / 0.75 + text.length / 4) / 2);
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const SENTENCE_END = /(?<=[.!?])["')\]]*\s+(?=\S)/;

interface Block {
  heading: string | null;
  /** Markdown of the heading line(s), repeated at the top of each chunk of the section. */
  headingLine: string;
  paragraphs: string[];
}

/** Sections of an article: the text under each heading (the opening has none). */
function sectionsOf(body: string): Block[] {
  const sections: Block[] = [];
  let current: Block = { heading: null, headingLine: '', paragraphs: [] };
  const flush = () => {
    if (current.paragraphs.length > 0 || current.heading) sections.push(current);
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n+/)) {
    const block = raw.trim();
    if (!block) continue;
    const lines = block.split('\n');
    const heading = HEADING.exec(lines[0]);
    if (heading) {
      flush();
      current = { heading: heading[2], headingLine: lines[0].trim(), paragraphs: [] };
      const rest = lines.slice(1).join('\n').trim();
      if (rest) current.paragraphs.push(rest);
    } else {
      current.paragraphs.push(block);
    }
  }
  flush();
  return sections;
}

/** A paragraph longer than the limit becomes runs of whole sentences (a list stays line by line). */
function piecesOf(paragraph: string, maxTokens: number): string[] {
  if (estimateTokens(paragraph) <= maxTokens) return [paragraph];
  const sentences = paragraph.includes('\n') ? paragraph.split('\n') : paragraph.split(SENTENCE_END);
  const joiner = paragraph.includes('\n') ? '\n' : ' ';
  const pieces: string[] = [];
  let run: string[] = [];
  for (const sentence of sentences.map((s) => s.trim()).filter(Boolean)) {
    if (run.length > 0 && estimateTokens([...run, sentence].join(joiner)) > maxTokens) {
      pieces.push(run.join(joiner));
      run = [];
    }
    run.push(sentence);
  }
  if (run.length > 0) pieces.push(run.join(joiner));
  return pieces;
}

/** The closing sentences of a passage, up to `budget` tokens, to open the next chunk with. */
function overlapOf(text: string, budget: number): string {
  if (budget <= 0) return '';
  const sentences = text.split(SENTENCE_END);
  const kept: string[] = [];
  for (let i = sentences.length - 1; i > 0; i--) {
    const candidate = [sentences[i], ...kept].join(' ');
    if (estimateTokens(candidate) > budget) break;
    kept.unshift(sentences[i]);
  }
  return kept.join(' ').trim();
}

/**
 * Splits an article into passages of about minTokens..maxTokens: whole sections where they fit,
 * small neighbouring sections together, long sections cut at paragraphs (or sentences) with the
 * last sentence or two repeated at the top of the next passage. Each passage keeps its heading.
 */
export function chunkArticle(body: string, options: ChunkingOptions = DEFAULT_CHUNKING): ArticleChunk[] {
  const chunks: ArticleChunk[] = [];
  let heading: string | null = null;
  let parts: string[] = [];
  let tokens = 0;

  const close = () => {
    const content = parts.join('\n\n').trim();
    if (content) chunks.push({ position: chunks.length, heading, content });
    parts = [];
    tokens = 0;
  };

  for (const section of sectionsOf(body)) {
    const sectionTokens = estimateTokens([section.headingLine, ...section.paragraphs].join('\n\n'));
    // A new section starts a new passage once the current one is big enough, or would overflow.
    if (parts.length > 0 && (tokens >= options.minTokens || tokens + sectionTokens > options.maxTokens)) close();
    if (parts.length === 0) heading = section.heading;
    if (section.headingLine) {
      parts.push(section.headingLine);
      tokens += estimateTokens(section.headingLine);
    }
    let sectionHasText = false;
    for (const paragraph of section.paragraphs) {
      for (const piece of piecesOf(paragraph, options.maxTokens)) {
        const pieceTokens = estimateTokens(piece);
        if (sectionHasText && tokens + pieceTokens > options.maxTokens) {
          const overlap = overlapOf(parts[parts.length - 1], options.overlapTokens);
          close();
          heading = section.heading;
          if (section.headingLine) parts.push(section.headingLine);
          if (overlap) parts.push(overlap);
          tokens = estimateTokens(parts.join('\n\n'));
        }
        parts.push(piece);
        tokens += pieceTokens;
        sectionHasText = true;
      }
    }
  }
  close();
  return chunks;
}

/** The text a chunk is searched and embedded by: its article's title, its heading, its passage. */
export function chunkSearchText(title: string, chunk: Pick<ArticleChunk, 'content'>): string {
  return `${title}\n\n${chunk.content}`;
}
