// Scores of the whole analyser on one out-of-domain set's tuning halves (tweets and support), one
// line: macro-recall, anger F1 and complaint F1 of each; `--bitext`: also how the tone model reads
// Bitext's support requests (train + dev rows), most of them plain requests. Used by adapt.ts.
import { analyzeMessage } from '@parley/domain';
import { scoresOf } from './cv';
import { intentSplit, outOfDomainSplit, type OutOfDomainSet } from './data';
import { binaryScores } from './metrics';

const set = Number(process.argv[2]) as OutOfDomainSet;
const parts = (['tweets', 'support'] as const).map((name) => {
  const rows = outOfDomainSplit(name, set).tuning;
  const said = rows.map((row) => analyzeMessage(row.text));
  const toned = rows.flatMap((row, i) => (row.tone === undefined ? [] : [[row.tone, said[i].tone.label] as const]));
  const tone = scoresOf(toned.map(([truth]) => truth), toned.map(([, label]) => label));
  const intents = rows.map((row) => row.intent ?? 'other');
  const complaint = binaryScores(intents, said.map((a) => a.intent), 'complaint');
  const found = said.filter((a, i) => a.intent === 'human_request' && intents[i] === 'human_request').length;
  const wanted = intents.filter((intent) => intent === 'human_request').length;
  const falseHuman = said.filter((a, i) => a.intent === 'human_request' && intents[i] !== 'human_request').length;
  return (
    `${name} recall=${tone.macroRecall.toFixed(3)} anger=${tone.angerF1.toFixed(3)} complaint=${complaint.f1.toFixed(3)} ` +
    `human=${found}/${wanted} falseHuman=${falseHuman}`
  );
});
console.log(parts.join('  '));

if (process.argv.includes('--bitext')) {
  const split = intentSplit();
  const counts: Record<string, number> = {};
  for (const row of [...split.train, ...split.dev]) {
    const label = analyzeMessage(row.text).tone.label;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  console.log(`  bitext ${JSON.stringify(counts)}`);
}
