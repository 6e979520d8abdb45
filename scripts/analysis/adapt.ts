// Does training the tone model on some authors' tweets and support messages help on another
// author's? Leave one out-of-domain set out: train on GoEmotions plus the tuning halves of the
// other sets (each row weighing `weight`) and Bitext's support requests (`anchor`), then score the
// left-out set's tuning halves through the whole analyser, and count how Bitext's requests read.
// The complaint model is trained without the left-out set too. Held-out halves are never read.
// Rewrites model/*.json while it runs and restores them at the end.
//
//   node -r ./scripts/register.js scripts/analysis/adapt.ts --weights=0,1 --anchor-weights=0,0.25 \
//     [--shift=-0.25,-0.25,0,-0.25] [--tweets-only]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { adaptationExamples, reviewExamples, supportRequestExamples } from './cv';
import { OUT_OF_DOMAIN_SETS, REPO_ROOT } from './data';
import { TONE_REVIEW_WEIGHT } from './tone-settings';
import { MODEL_DIR, trainComplaint, trainTone } from './train';

const list = (name: string, fallback: string): number[] =>
  (process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback).split(',').map(Number);
const weights = list('weights', '0,1,3');
const anchorWeights = list('anchor-weights', '0');
const shift = process.argv.some((a) => a.startsWith('--shift=')) ? list('shift', '') : undefined;
const toneFile = path.join(MODEL_DIR, 'tone.json');
const complaintFile = path.join(MODEL_DIR, 'complaint.json');
const committed = [readFileSync(toneFile, 'utf8'), readFileSync(complaintFile, 'utf8')];
try {
  for (const weight of weights)
  for (const anchor of anchorWeights) {
    for (const left of OUT_OF_DOMAIN_SETS) {
      const others = OUT_OF_DOMAIN_SETS.filter((set) => set !== left);
      const names = process.argv.includes('--tweets-only') ? (['tweets'] as const) : (['tweets', 'support'] as const);
      writeFileSync(toneFile, `${JSON.stringify(trainTone(undefined, shift, [
        ...adaptationExamples(weight, others, names),
        ...supportRequestExamples(anchor),
        ...reviewExamples(TONE_REVIEW_WEIGHT),
      ]))}\n`);
      writeFileSync(complaintFile, `${JSON.stringify(trainComplaint(others))}\n`);
      const scores = execFileSync(
        process.execPath,
        ['-r', './scripts/register.js', 'scripts/analysis/tuning-scores.ts', String(left), '--bitext'],
        { cwd: REPO_ROOT, encoding: 'utf8' },
      ).trim();
      console.log(`weight=${weight} anchor=${anchor} left out set ${left}: ${scores}`);
    }
  }
} finally {
  writeFileSync(toneFile, committed[0]);
  writeFileSync(complaintFile, committed[1]);
}
