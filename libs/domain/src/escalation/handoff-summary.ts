import type { ToneLabel } from '@parley/contracts';

export interface SummaryMessage {
  role: 'visitor' | 'bot' | 'agent' | 'system';
  text: string;
  /** Titles of the articles a bot reply cited. */
  articles?: string[];
}

export interface SummaryInput {
  transcript: readonly SummaryMessage[];
  trend: { label: ToneLabel; score: number; negativeStreak: number };
  reason: string;
}

const QUOTE_CHARS = 240;
const BOT_REPLIES = 3;

function quote(text: string, max = QUOTE_CHARS): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * A handoff note for the agent, from the transcript alone: what the visitor asks (first and latest
 * words), what the bot tried, which articles it showed, and how the mood went.
 */
export function extractiveHandoffSummary(input: SummaryInput): string {
  const visitor = input.transcript.filter((message) => message.role === 'visitor');
  const bot = input.transcript.filter((message) => message.role === 'bot');
  const articles = [...new Set(bot.flatMap((message) => message.articles ?? []))];
  const first = visitor[0];
  const last = visitor.at(-1);

  const lines = [`Escalated: ${input.reason}.`];
  if (first) lines.push(`The ask: "${quote(first.text)}"`);
  if (last && last !== first) lines.push(`Latest: "${quote(last.text)}"`);
  if (bot.length === 0) lines.push('The bot did not reply.');
  else {
    lines.push(`The bot replied ${bot.length} time${bot.length === 1 ? '' : 's'}:`);
    for (const reply of bot.slice(-BOT_REPLIES)) lines.push(`- "${quote(reply.text, 160)}"`);
  }
  lines.push(articles.length ? `Articles shown: ${articles.join('; ')}.` : 'Articles shown: none.');
  lines.push(
    `Tone: ${input.trend.label} (score ${input.trend.score.toFixed(2)}` +
      (input.trend.negativeStreak > 0 ? `, ${input.trend.negativeStreak} negative message${input.trend.negativeStreak === 1 ? '' : 's'} in a row)` : ')') +
      `, over ${visitor.length} visitor message${visitor.length === 1 ? '' : 's'}.`,
  );
  return lines.join('\n');
}

/** The visitor's notice when a person is brought in. */
export function handoffNotice(
  availability: { kind: 'staffed'; expectedMinutes: number } | { kind: 'away'; nextOpening: string | null; askEmail: boolean },
): string {
  if (availability.kind === 'staffed') {
    const minutes = Math.max(1, Math.round(availability.expectedMinutes));
    return `I'm bringing in a person from our team. Someone usually replies within about ${minutes} minute${minutes === 1 ? '' : 's'}, right here.`;
  }
  const when = availability.nextOpening ? `by ${availability.nextOpening}` : 'as soon as someone is back';
  return availability.askEmail
    ? `Our team is away right now; we'll reply ${when}. Leave your email and we'll get back to you there too.`
    : `Our team is away right now; we'll reply ${when}, here and by email.`;
}
