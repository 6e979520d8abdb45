import { ValidationError } from '../errors';

const FACTS = new Set([
  'tone.label',
  'tone.score',
  'negativeStreak',
  'intent',
  'botTurns',
  'unanswered',
  'text',
]);
const OPERATORS = new Set([
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a rule's `when` tree (json-rules-engine's shape: `all`/`any`/`not` over
 * `{fact, operator, value}`) and names the first bad path, e.g. `0.when.all.1.fact`.
 */
export function validateRuleCondition(node: unknown, path: string): void {
  if (!isObject(node)) throw new ValidationError(path, `${path} must be a condition object`);
  for (const key of ['all', 'any'] as const) {
    if (key in node) {
      const children = node[key];
      if (!Array.isArray(children) || children.length === 0) {
        throw new ValidationError(`${path}.${key}`, `${path}.${key} must be a non-empty list of conditions`);
      }
      children.forEach((child, index) => validateRuleCondition(child, `${path}.${key}.${index}`));
      return;
    }
  }
  if ('not' in node) return validateRuleCondition(node['not'], `${path}.not`);

  const fact = node['fact'];
  if (typeof fact !== 'string' || (!FACTS.has(fact) && !fact.startsWith('customer.'))) {
    throw new ValidationError(`${path}.fact`, `${path}.fact must be one of ${[...FACTS].join(', ')} or customer.<attribute>`);
  }
  if (typeof node['operator'] !== 'string' || !OPERATORS.has(node['operator'])) {
    throw new ValidationError(`${path}.operator`, `${path}.operator must be one of ${[...OPERATORS].join(', ')}`);
  }
  if (!('value' in node)) throw new ValidationError(`${path}.value`, `${path}.value is required`);
}
