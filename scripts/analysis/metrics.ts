// Scores of a classifier on labelled examples.

export interface BinaryScores {
  precision: number;
  recall: number;
  f1: number;
  falsePositives: number;
  falseNegatives: number;
  support: number;
}

export function binaryScores<L>(truth: readonly L[], predicted: readonly L[], positive: L): BinaryScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  truth.forEach((label, i) => {
    const said = predicted[i] === positive;
    if (label === positive && said) tp++;
    else if (said) fp++;
    else if (label === positive) fn++;
  });
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, falsePositives: fp, falseNegatives: fn, support: tp + fn };
}

export function macroScores<L>(
  truth: readonly L[],
  predicted: readonly L[],
  labels: readonly L[],
): { f1: number; recall: number; accuracy: number } {
  const per = labels.map((label) => binaryScores(truth, predicted, label));
  const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
  const correct = truth.filter((label, i) => predicted[i] === label).length;
  return {
    f1: mean(per.map((s) => s.f1)),
    recall: mean(per.map((s) => s.recall)),
    accuracy: truth.length === 0 ? 0 : correct / truth.length,
  };
}
