// Scores the committed analyser (no training step) on the held-out test split, the development
// split (the tone model is trained on it, the intent thresholds tuned on it), the hand-written
// messages in handwritten.jsonl, the out-of-domain sets and the UCI review sentences.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Analysis, Intent, ToneLabel } from '@parley/contracts';
import { analyzeMessage } from '@parley/domain';
import {
  intentSplit,
  OUT_OF_DOMAIN_SETS,
  outOfDomainSplit,
  readJsonl,
  REQUEST_SETS,
  sharedDataDir,
  toneSplit,
  UNSEEN_SETS,
} from './data';
import { reviewSentences } from './cv';
import { binaryScores, macroScores } from './metrics';

interface Labelled {
  text: string;
  tone?: ToneLabel;
  intent?: Intent;
}

interface Row {
  set: string;
  polarityMacroF1?: number;
  polarityMacroRecall?: number;
  angerF1?: number;
  humanPrecision?: number;
  humanRecall?: number;
  humanF1?: number;
  falseHuman?: string;
  missedHuman?: string;
  complaintF1?: number;
  msPerMessage: number;
  n: number;
}

const polarity = (tone: ToneLabel): string => (tone === 'angry' || tone === 'frustrated' ? 'negative' : tone);

const TIMED_PASSES = 5;

/** Analyses of the texts, and the median over five passes of the time per message (after a warm-up pass). */
function analyzeAll(texts: readonly string[]): { analyses: Analysis[]; ms: number } {
  const analyses = texts.map((text) => analyzeMessage(text));
  const passes: number[] = [];
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    const start = performance.now();
    for (const text of texts) analyzeMessage(text);
    passes.push((performance.now() - start) / Math.max(1, texts.length));
  }
  passes.sort((a, b) => a - b);
  return { analyses, ms: passes[Math.floor(TIMED_PASSES / 2)] };
}

export function score(set: string, rows: readonly Labelled[]): Row {
  const { analyses, ms } = analyzeAll(rows.map((row) => row.text));
  const row: Row = { set, msPerMessage: ms, n: rows.length };
  const toned = rows.flatMap((r, i) => (r.tone ? [{ truth: r.tone, said: analyses[i].tone.label }] : []));
  if (toned.length > 0) {
    const three = macroScores(
      toned.map((t) => polarity(t.truth)),
      toned.map((t) => polarity(t.said)),
      ['negative', 'neutral', 'positive'],
    );
    row.polarityMacroF1 = three.f1;
    row.polarityMacroRecall = three.recall;
    row.angerF1 = binaryScores(
      toned.map((t) => t.truth),
      toned.map((t) => t.said),
      'angry',
    ).f1;
  }
  const intents = rows.flatMap((r, i) => (r.intent ? [{ truth: r.intent, said: analyses[i].intent }] : []));
  if (intents.length > 0) {
    const truth = intents.map((t) => t.truth);
    const said = intents.map((t) => t.said);
    const human = binaryScores(truth, said, 'human_request');
    Object.assign(row, {
      humanPrecision: human.precision,
      humanRecall: human.recall,
      humanF1: human.f1,
      falseHuman: `${human.falsePositives}`,
      missedHuman: `${human.falseNegatives}/${human.support}`,
      complaintF1: binaryScores(truth, said, 'complaint').f1,
    });
  }
  return row;
}

function printTable(rows: readonly Row[]): void {
  const columns: [string, (row: Row) => string][] = [
    ['set', (r) => r.set],
    ['n', (r) => `${r.n}`],
    ['polarity macro-F1', (r) => fixed(r.polarityMacroF1)],
    ['polarity macro-recall', (r) => fixed(r.polarityMacroRecall)],
    ['anger F1', (r) => fixed(r.angerF1)],
    ['human-request P', (r) => fixed(r.humanPrecision)],
    ['human-request R', (r) => fixed(r.humanRecall)],
    ['human-request F1', (r) => fixed(r.humanF1)],
    ['false human', (r) => r.falseHuman ?? '-'],
    ['missed human', (r) => r.missedHuman ?? '-'],
    ['complaint F1', (r) => fixed(r.complaintF1)],
    ['ms/message', (r) => r.msPerMessage.toFixed(3)],
  ];
  const cells = [columns.map(([name]) => name), ...rows.map((row) => columns.map(([, cell]) => cell(row)))];
  const widths = columns.map((_, c) => Math.max(...cells.map((line) => line[c].length)));
  const line = (values: string[]): string => `| ${values.map((v, c) => v.padEnd(widths[c])).join(' | ')} |`;
  console.log(line(cells[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const values of cells.slice(1)) console.log(line(values));
}

function fixed(value: number | undefined): string {
  return value === undefined ? '-' : value.toFixed(3);
}

/**
 * Real reviews, polar only: the UCI "Sentiment Labelled Sentences" (Kotzias et al., KDD 2015,
 * CC BY 4.0), 500 positive and 500 negative sentences from each of Amazon, IMDb and Yelp, shipped as
 * test fixtures of the `sentiment` package. There is no neutral class, so a neutral reading is a
 * miss. The Amazon sentences are tone training rows; IMDb and Yelp are only scored.
 */
function printReviews(): void {
  console.log('\nUCI review sentences (no neutral class: neutral counts as a miss)');
  for (const [name, use] of [['amazon', 'trained on'], ['imdb', 'never read'], ['yelp', 'never read']] as const) {
    const rows = reviewSentences(name);
    const said = rows.map((row) => polarity(analyzeMessage(row.text).tone.label));
    const recall = (wanted: 0 | 1, label: string): number => {
      const of = rows.flatMap((row, i) => (row.class === wanted ? [said[i]] : []));
      return of.filter((s) => s === label).length / Math.max(1, of.length);
    };
    const positive = recall(1, 'positive');
    const negative = recall(0, 'negative');
    const neutral = said.filter((s) => s === 'neutral').length / rows.length;
    console.log(
      `  ${name} (${use}, ${rows.length}): recall positive ${fixed(positive)}, negative ${fixed(negative)}, ` +
        `macro-recall ${fixed((positive + negative) / 2)}, read as neutral ${fixed(neutral)}`,
    );
  }
}

if (require.main === module) {
  const tone = toneSplit();
  const intent = intentSplit();
  const asTone = (rows: { text: string; label: ToneLabel }[]): Labelled[] =>
    rows.map((r) => ({ text: r.text, tone: r.label }));
  const asIntent = (rows: { text: string; label: Intent }[]): Labelled[] =>
    rows.map((r) => ({ text: r.text, intent: r.label }));
  const handwritten = readJsonl<Labelled>(path.join(__dirname, 'handwritten.jsonl'));
  // `--no-test` leaves the held-out rows out: for checks while the settings are still open.
  const withTest = !process.argv.includes('--no-test');
  printTable([
    ...(withTest
      ? [
          score('TEST GoEmotions tone (held out)', asTone(tone.test)),
          score('TEST Bitext intent (held out)', asIntent(intent.test)),
        ]
      : []),
    score('dev GoEmotions tone (trained on)', asTone(tone.dev)),
    score('dev Bitext intent (tuned on)', asIntent(intent.dev)),
    score('hand-written messages (unseen source)', handwritten),
    ...[...OUT_OF_DOMAIN_SETS, ...REQUEST_SETS].flatMap((set) =>
      (['tweets', 'support'] as const).flatMap((name) => {
        const split = outOfDomainSplit(name, set);
        if (split.tuning.length === 0) return [];
        const label = `out-of-domain${set === 1 ? '' : ` set ${set}`} ${name}`;
        const trained = (OUT_OF_DOMAIN_SETS as readonly number[]).includes(set);
        return [
          score(`${label}, tuning half (${trained ? 'trained on' : 'read'})`, split.tuning),
          ...(withTest ? [score(`TEST ${label}, held-out half`, split.heldOut)] : []),
        ];
      }),
    ),
    // Never read while choosing or training, either half.
    ...(withTest
      ? UNSEEN_SETS.flatMap((set) =>
          (['tweets', 'support'] as const).flatMap((name) => {
            const split = outOfDomainSplit(name, set);
            const rows = [...split.tuning, ...split.heldOut];
            return rows.length === 0 ? [] : [score(`TEST unseen set ${set} ${name}, whole`, rows)];
          }),
        )
      : []),
  ]);
  // No tone labels here: how the tone model reads support requests (train + dev rows only), most
  // of which are plain requests; "W" rows are Bitext's offensive-language ones.
  const requests = readJsonl<{ text: string; tags: string }>(path.join(sharedDataDir(), 'intents-dev.jsonl'));
  const notTest = new Set([...intent.train, ...intent.dev].map((r) => r.text));
  for (const offensive of [false, true]) {
    const texts = requests
      .filter((r) => notTest.has(r.text) && r.tags.includes('W') === offensive)
      .map((r) => r.text);
    const counts = new Map<string, number>();
    for (const text of texts) {
      const label = analyzeMessage(text).tone.label;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const mix = ['angry', 'frustrated', 'neutral', 'positive'].map((t) => `${t} ${counts.get(t) ?? 0}`);
    console.log(`tone of Bitext train+dev requests, ${offensive ? 'offensive (W)' : 'not offensive'}: ${mix.join(', ')}`);
  }
  if (withTest) printReviews();
}
