// The tone model's bias shifts chosen over three kinds of text at once: GoEmotions (Reddit) by
// 5-fold cross-validation over train + dev, and the tuning halves of both out-of-domain sets'
// tweets and support-chat messages through the whole analyser (its rules included); each kind
// weighs a third. The held-out halves and the GoEmotions test split are never read here. Only
// sound while the tuning halves are not tone training rows (TONE_ADAPTATION_WEIGHT = 0); otherwise
// compare shifts with adapt.ts --shift. Run after `npm run train:analysis`:
//
//   node -r ./scripts/register.js scripts/analysis/tune-shift.ts
import type { ToneLabel } from '@parley/contracts';
import { analyzeMessage, TONE_OVERRIDES } from '@parley/domain';
import toneJson from '../../libs/domain/src/analysis/model/tone.json';
import { crossValidationRows, outOfFold, predictShifted, scoresOf, SHIFT_STEPS } from './cv';
import { OUT_OF_DOMAIN_SETS, outOfDomainSplit } from './data';
import { TONE_BIAS_SHIFT, TONE_OPTIONS } from './tone-settings';

const objective = (truth: readonly ToneLabel[], said: readonly ToneLabel[]): number => {
  const scores = scoresOf(truth, said);
  return scores.macroRecall + scores.angerF1;
};

const items = outOfFold(crossValidationRows(), TONE_OPTIONS);
const reddit = items.map((item) => item.row.label);
const outOfDomain = (['tweets', 'support'] as const).map((name) =>
  OUT_OF_DOMAIN_SETS.flatMap((set) =>
    outOfDomainSplit(name, set).tuning.filter((row): row is typeof row & { tone: ToneLabel } => row.tone !== undefined),
  ),
);
const bias = toneJson.bias as number[];
const trained = bias.map((b, i) => b - TONE_BIAS_SHIFT[i]);

const results: { shift: number[]; parts: number[]; mean: number }[] = [];
for (const angry of SHIFT_STEPS) {
  for (const frustrated of SHIFT_STEPS) {
    for (const positive of SHIFT_STEPS) {
      const shift = [angry, frustrated, 0, positive];
      trained.forEach((b, i) => (bias[i] = b + shift[i]));
      const parts = [
        objective(reddit, items.map((item) => predictShifted(item, shift, TONE_OVERRIDES))),
        ...outOfDomain.map((rows) =>
          objective(rows.map((row) => row.tone), rows.map((row) => analyzeMessage(row.text).tone.label)),
        ),
      ];
      results.push({ shift, parts, mean: parts.reduce((s, v) => s + v, 0) / parts.length });
    }
  }
}
results.sort((a, b) => b.mean - a.mean);
const show = (r: (typeof results)[number]): string =>
  `shift=${r.shift.join(',')} mean=${r.mean.toFixed(3)} goemotions-cv=${r.parts[0].toFixed(3)} ` +
  `tweets=${r.parts[1].toFixed(3)} support=${r.parts[2].toFixed(3)}`;
for (const r of results.slice(0, 12)) console.log(show(r));
const incumbent = results.find((r) => r.shift.every((v, i) => v === TONE_BIAS_SHIFT[i]));
if (incumbent) console.log(`committed: ${show(incumbent)}`);
