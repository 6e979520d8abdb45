// Does the complaint model help on an author it has not seen? Leave one out-of-domain set out:
// train the complaint model on Bitext and the other sets' tuning halves, then score the left-out
// set's tuning halves through the whole analyser at each threshold (`2`: the model never fires).
// Complaint F1 is scored on all rows and on the messages addressed to a company (support messages,
// tweets with an @handle or of the "complaint" style), the kind complaint data sets hold.
//
//   node -r ./scripts/register.js scripts/analysis/adapt-complaint.ts [--thresholds=0.6,0.7,0.8,2]
import { analyzeMessageWith, LinearModel } from '@parley/domain';
import { intentSplit, OUT_OF_DOMAIN_SETS, outOfDomainSplit, type LabelledMessage } from './data';
import { binaryScores } from './metrics';
import { trainComplaint } from './train';

const thresholds = (process.argv.find((a) => a.startsWith('--thresholds='))?.slice(13) ?? '0.5,0.6,0.7,0.8,0.9,2')
  .split(',')
  .map(Number);
const addressed = (name: string, row: LabelledMessage & { style?: string }): boolean =>
  name === 'support' || /(?<![\p{L}\p{N}])@\w/u.test(row.text) || row.style === 'complaint';
const f1 = (rows: readonly LabelledMessage[], said: readonly string[]): number =>
  binaryScores(rows.map((row) => row.intent ?? 'other'), said, 'complaint').f1;

const sums = thresholds.map(() => ({ all: 0, addressed: 0 }));
for (const left of OUT_OF_DOMAIN_SETS) {
  const model = new LinearModel<string>(trainComplaint(OUT_OF_DOMAIN_SETS.filter((set) => set !== left)));
  const probability = (sparse: readonly string[]): number => model.predict(sparse).probabilities[1];
  for (const name of ['tweets', 'support'] as const) {
    const rows = outOfDomainSplit(name, left).tuning;
    const to = rows.filter((row) => addressed(name, row));
    thresholds.forEach((threshold, i) => {
      const said = (list: readonly LabelledMessage[]) => list.map((row) => analyzeMessageWith(row.text, { complaint: probability, complaintThreshold: threshold }).intent);
      sums[i].all += f1(rows, said(rows));
      sums[i].addressed += f1(to, said(to));
    });
  }
}
const parts = OUT_OF_DOMAIN_SETS.length * 2;
thresholds.forEach((threshold, i) =>
  console.log(
    `threshold=${threshold} complaint F1, mean of ${parts} left-out parts: all ${(sums[i].all / parts).toFixed(3)}, ` +
      `addressed to a company ${(sums[i].addressed / parts).toFixed(3)}`,
  ),
);
// Bitext's development split, never trained on by the complaint model.
const model = new LinearModel<string>(trainComplaint());
for (const threshold of thresholds) {
  const dev = intentSplit().dev;
  const said = dev.map((row) => analyzeMessageWith(row.text, { complaint: (s) => model.predict(s).probabilities[1], complaintThreshold: threshold }).intent);
  const scores = binaryScores(dev.map((row) => row.label as string), said, 'complaint');
  console.log(`threshold=${threshold} Bitext dev complaint F1 ${scores.f1.toFixed(3)} (P ${scores.precision.toFixed(3)})`);
}
