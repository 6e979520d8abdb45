// The labelled data the analyser learns from, mapped onto Parley's labels and split once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Intent, ToneLabel } from '@parley/contracts';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** `../shared/data` next to the repository, or $PARLEY_SHARED_DATA. */
export function sharedDataDir(): string {
  const dir = process.env.PARLEY_SHARED_DATA ?? path.resolve(REPO_ROOT, '..', 'shared', 'data');
  if (!existsSync(dir)) {
    throw new Error(
      `labelled data not found in ${dir}: set PARLEY_SHARED_DATA to the folder holding the .jsonl files`,
    );
  }
  return dir;
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

export interface ToneExample {
  text: string;
  label: ToneLabel;
}

export interface IntentExample {
  text: string;
  /** The source intent, e.g. contact_customer_service. */
  source: string;
  label: ModelIntent;
}

/** The intents the trained model tells apart; legal_threat has no data and stays with the rules. */
export type ModelIntent = Exclude<Intent, 'legal_threat'>;
export const MODEL_INTENTS: readonly ModelIntent[] = [
  'human_request',
  'cancel',
  'refund',
  'complaint',
  'other',
];

const EMOTION_TONE: Readonly<Record<string, ToneLabel>> = {
  anger: 'angry',
  disgust: 'angry',
  ...Object.fromEntries(
    'annoyance disappointment disapproval sadness grief remorse embarrassment nervousness fear'
      .split(' ')
      .map((emotion) => [emotion, 'frustrated']),
  ),
  ...Object.fromEntries(
    'admiration amusement approval caring desire excitement gratitude joy love optimism pride relief'
      .split(' ')
      .map((emotion) => [emotion, 'positive']),
  ),
  ...Object.fromEntries(
    'neutral confusion curiosity realization surprise'.split(' ').map((emotion) => [emotion, 'neutral']),
  ),
};

/**
 * Several emotions on one comment: anger or disgust makes it angry; otherwise the most frequent of
 * its tones, a non-neutral tone before neutral, and frustrated before positive on a tie.
 */
export function toneOfEmotions(emotions: readonly string[]): ToneLabel {
  const tones = emotions.map((emotion) => {
    const tone = EMOTION_TONE[emotion];
    if (tone === undefined) throw new Error(`unknown emotion ${emotion}`);
    return tone;
  });
  if (tones.includes('angry')) return 'angry';
  const order: ToneLabel[] = ['frustrated', 'positive', 'neutral'];
  const counts = order.map((tone) => tones.filter((t) => t === tone).length);
  if (counts[0] + counts[1] > 0) return counts[0] >= counts[1] ? 'frustrated' : 'positive';
  return 'neutral';
}

const INTENT_OF_SOURCE: Readonly<Record<string, ModelIntent>> = {
  contact_human_agent: 'human_request',
  complaint: 'complaint',
  cancel_order: 'cancel',
  delete_account: 'cancel',
  get_refund: 'refund',
};

export function intentOfSource(source: string): ModelIntent {
  return INTENT_OF_SOURCE[source] ?? 'other';
}

export function loadTone(): ToneExample[] {
  return readJsonl<{ text: string; emotions: string[] }>(
    path.join(sharedDataDir(), 'tone-dev-goemotions.jsonl'),
  ).map((row) => ({ text: row.text, label: toneOfEmotions(row.emotions) }));
}

export function loadIntents(): IntentExample[] {
  return readJsonl<{ text: string; intent: string }>(path.join(sharedDataDir(), 'intents-dev.jsonl')).map(
    (row) => ({ text: row.text, source: row.intent, label: intentOfSource(row.intent) }),
  );
}

export interface Split<T> {
  train: T[];
  dev: T[];
  test: T[];
}

/** 32-bit FNV-1a of the text: the split does not depend on file order or on a random seed. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * 70/15/15 train/dev/test, stratified: within each stratum rows are ordered by the hash of their
 * text and cut at 70 % and 85 %.
 */
export function splitStratified<T extends { text: string }>(
  rows: readonly T[],
  stratum: (row: T) => string,
): Split<T> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = stratum(row);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const split: Split<T> = { train: [], dev: [], test: [] };
  for (const key of [...groups.keys()].sort()) {
    const group = [...(groups.get(key) ?? [])].sort(
      (a, b) => hashText(a.text) - hashText(b.text) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
    );
    const trainEnd = Math.round(group.length * 0.7);
    const devEnd = Math.round(group.length * 0.85);
    group.forEach((row, i) => {
      const part = i < trainEnd ? split.train : i < devEnd ? split.dev : split.test;
      part.push(row);
    });
  }
  return split;
}

export const toneSplit = (): Split<ToneExample> => splitStratified(loadTone(), (row) => row.label);
export const intentSplit = (): Split<IntentExample> => splitStratified(loadIntents(), (row) => row.source);

export interface LabelledMessage {
  text: string;
  tone?: ToneLabel;
  intent?: Intent;
}

/**
 * The out-of-domain messages (tweets and support-chat messages, out-of-domain-*.jsonl, written and
 * labelled apart from the analyser) in two halves: `tuning` may be read while choosing settings,
 * `heldOut` only by the evaluation. Stratified by tone and intent, rows ordered by text hash, dealt
 * alternately across groups.
 */
/** The out-of-domain sets whose tuning halves may be read and trained on, in the order they were written. */
export const OUT_OF_DOMAIN_SETS = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12] as const;
/**
 * Support messages written to test requests for a person: their tuning halves were read for the
 * request rules and are training rows of the request model only.
 */
export const REQUEST_SETS = [13, 14, 15, 16, 18] as const;
/**
 * Sets written last and never read but by the evaluation, both halves: nothing in the analyser was
 * chosen or trained on them.
 */
export const UNSEEN_SETS = [9, 10, 17, 19] as const;
export type OutOfDomainSet =
  | (typeof OUT_OF_DOMAIN_SETS)[number]
  | (typeof REQUEST_SETS)[number]
  | (typeof UNSEEN_SETS)[number];

export function outOfDomainSplit(
  name: 'tweets' | 'support',
  set: OutOfDomainSet = 1,
): { tuning: LabelledMessage[]; heldOut: LabelledMessage[] } {
  const file = path.join(__dirname, set === 1 ? `out-of-domain-${name}.jsonl` : `out-of-domain-${set}-${name}.jsonl`);
  // Sets 11–18 hold support messages only.
  const rows = existsSync(file) ? readJsonl<LabelledMessage>(file) : [];
  const split = { tuning: [] as LabelledMessage[], heldOut: [] as LabelledMessage[] };
  const groups = new Map<string, LabelledMessage[]>();
  for (const row of rows) {
    const key = `${row.tone}/${row.intent}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const ordered = [...groups.keys()]
    .sort()
    .flatMap((key) => [...(groups.get(key) ?? [])].sort((a, b) => hashText(a.text) - hashText(b.text)));
  ordered.forEach((row, i) => (i % 2 === 0 ? split.tuning : split.heldOut).push(row));
  return split;
}

/** The tuning halves of the out-of-domain sets, tweets and support messages (never a held-out half). */
export function outOfDomainTuning(
  sets: readonly OutOfDomainSet[] = OUT_OF_DOMAIN_SETS,
  names: readonly ('tweets' | 'support')[] = ['tweets', 'support'],
): LabelledMessage[] {
  return sets.flatMap((set) => names.flatMap((name) => outOfDomainSplit(name, set).tuning));
}

/** The rows of the batches `<kind>-training-*.jsonl`, in file order. */
function trainingBatches<T>(kind: 'request' | 'complaint'): T[] {
  return readdirSync(__dirname)
    .filter((file) => new RegExp(`^${kind}-training-[a-z]+\\.jsonl$`).test(file))
    .sort()
    .flatMap((file) => readJsonl<T>(path.join(__dirname, file)));
}

/**
 * Requests for a person and near misses, written by other authors as training rows of the request
 * model only (request-training-*.jsonl: formal English, other languages, short chat messages).
 */
export function requestTraining(): LabelledMessage[] {
  return trainingBatches<{ text: string; human_request: boolean }>('request').map((row) => ({
    text: row.text,
    intent: row.human_request ? 'human_request' : 'other',
  }));
}

/**
 * Complaints and hard non-complaints (questions about a problem, praise), written by other authors
 * as training rows of the complaint model only (complaint-training-*.jsonl).
 */
export function complaintTraining(): LabelledMessage[] {
  return trainingBatches<{ text: string; complaint: boolean }>('complaint').map((row) => ({
    text: row.text,
    intent: row.complaint ? 'complaint' : 'other',
  }));
}
