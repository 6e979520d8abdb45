// What the analyser misreads in the tuning half of an out-of-domain set (never the held-out half):
//
//   node -r ./scripts/register.js scripts/analysis/misreadings.ts tweets|support tone|intent [1|2|3]
import { analyzeMessage } from '@parley/domain';
import { outOfDomainSplit, type OutOfDomainSet } from './data';

const name = (process.argv[2] ?? 'tweets') as 'tweets' | 'support';
const what = process.argv[3] === 'intent' ? 'intent' : 'tone';
const set = (Number(process.argv[4] ?? 1) || 1) as OutOfDomainSet;
for (const row of outOfDomainSplit(name, set).tuning) {
  const analysis = analyzeMessage(row.text);
  const said = what === 'tone' ? analysis.tone.label : analysis.intent;
  const truth = what === 'tone' ? row.tone : row.intent;
  if (truth !== undefined && truth !== said) console.log(`${truth} -> ${said}\t${row.text}`);
}
