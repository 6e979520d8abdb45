// Does the request model help on an author it has not seen? Leave one set out: train the request
// model without that set's tuning half, then score the set's held-out half through the whole
// analyser at each threshold (`2`: the model never fires). Prints, summed over the left-out halves,
// the requests found and the false ones, and precision, recall and F1; then the false requests the
// model adds among Reddit comments and Bitext requests it was not trained on.
//
//   node -r ./scripts/register.js scripts/analysis/adapt-request.ts [--thresholds=0.8,0.9,2]
import { analyzeMessageWith, LinearModel } from '@parley/domain';
import {
  intentSplit,
  OUT_OF_DOMAIN_SETS,
  outOfDomainSplit,
  REQUEST_SETS,
  toneSplit,
  type LabelledMessage,
  type OutOfDomainSet,
} from './data';
import { trainHumanRequest } from './train';

const thresholds = (process.argv.find((a) => a.startsWith('--thresholds='))?.slice(13) ?? '0.7,0.8,0.85,0.9,0.95,2')
  .split(',')
  .map(Number);
const READ: readonly OutOfDomainSet[] = [...OUT_OF_DOMAIN_SETS, ...REQUEST_SETS];

interface Count {
  found: number;
  false: number;
  requests: number;
}
const empty = (): Count => ({ found: 0, false: 0, requests: 0 });

function count(rows: readonly LabelledMessage[], model: LinearModel<string>, threshold: number, into: Count): void {
  const humanRequest = (sparse: readonly string[]): number => model.predict(sparse).probabilities[1];
  for (const row of rows) {
    const asks = row.intent === 'human_request';
    const said = analyzeMessageWith(row.text, { humanRequest, requestThreshold: threshold }).intent === 'human_request';
    into.requests += asks ? 1 : 0;
    into.found += asks && said ? 1 : 0;
    into.false += !asks && said ? 1 : 0;
  }
}

const sums = thresholds.map(empty);
for (const left of READ) {
  const model = new LinearModel<string>(trainHumanRequest(READ.filter((set) => set !== left)));
  const rows = [...outOfDomainSplit('tweets', left).heldOut, ...outOfDomainSplit('support', left).heldOut];
  thresholds.forEach((threshold, i) => count(rows, model, threshold, sums[i]));
}
thresholds.forEach((threshold, i) => {
  const { found, requests } = sums[i];
  const precision = found / (found + sums[i].false);
  const recall = found / requests;
  console.log(
    `threshold=${threshold} left-out held-out halves (${READ.length} sets): ${found}/${requests} found, ${sums[i].false} false, ` +
      `P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${((2 * precision * recall) / (precision + recall)).toFixed(3)}`,
  );
});

// Messages the request model never trained on: Reddit comments (GoEmotions dev + test) and Bitext dev + test.
const model = new LinearModel<string>(trainHumanRequest());
const reddit = [...toneSplit().dev, ...toneSplit().test].map((row) => ({ text: row.text }));
const bitext = [...intentSplit().dev, ...intentSplit().test].map((row) => ({ text: row.text, intent: row.label }));
for (const threshold of thresholds) {
  const [r, b] = [empty(), empty()];
  count(reddit, model, threshold, r);
  count(bitext, model, threshold, b);
  console.log(
    `threshold=${threshold} Reddit: ${r.false} false in ${reddit.length}; Bitext dev + test: ${b.found}/${b.requests} found, ${b.false} false`,
  );
}
