import safeRegex from 'safe-regex2';
import { ValidationError } from '../errors';

/**
 * Facts a rule may test. `customer.<attribute>` (the visitor's verified identity attributes) is
 * accepted too. See `RuleFacts` for what each one means.
 */
export const RULE_FACTS = [
  'tone.label',
  'tone.score',
  'trend.label',
  'trend.score',
  'negativeStreak',
  'intent',
  'botTurns',
  'unanswered',
  'unansweredTurns',
  'text',
  'businessHours.open',
  'agentsOnline',
] as const;
const FACTS: ReadonlySet<string> = new Set(RULE_FACTS);

/** json-rules-engine's operators, plus `matches` (a case-insensitive regular expression on text). */
export const RULE_OPERATORS = [
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
  'matches',
] as const;
const OPERATORS: ReadonlySet<string> = new Set(RULE_OPERATORS);

const MAX_DEPTH = 10;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a rule's `when` tree (json-rules-engine's shape: `all`/`any`/`not` over
 * `{fact, operator, value}`) and names the first bad path, e.g. `0.when.all.1.fact`.
 */
export function validateRuleCondition(node: unknown, path: string, depth = 0): void {
  if (!isObject(node)) throw new ValidationError(path, `${path} must be a condition object`);
  if (depth > MAX_DEPTH) throw new ValidationError(path, `${path} nests conditions more than ${MAX_DEPTH} deep`);
  for (const key of ['all', 'any'] as const) {
    if (key in node) {
      const children = node[key];
      if (!Array.isArray(children) || children.length === 0) {
        throw new ValidationError(`${path}.${key}`, `${path}.${key} must be a non-empty list of conditions`);
      }
      children.forEach((child, index) => validateRuleCondition(child, `${path}.${key}.${index}`, depth + 1));
      return;
    }
  }
  if ('not' in node) return validateRuleCondition(node['not'], `${path}.not`, depth + 1);

  const fact = node['fact'];
  if (typeof fact !== 'string' || (!FACTS.has(fact) && !/^customer\.[A-Za-z0-9_]{1,64}$/.test(fact))) {
    throw new ValidationError(`${path}.fact`, `${path}.fact must be one of ${[...FACTS].join(', ')} or customer.<attribute>`);
  }
  const operator = node['operator'];
  if (typeof operator !== 'string' || !OPERATORS.has(operator)) {
    throw new ValidationError(`${path}.operator`, `${path}.operator must be one of ${[...OPERATORS].join(', ')}`);
  }
  if (!('value' in node)) throw new ValidationError(`${path}.value`, `${path}.value is required`);
  if (operator === 'matches') validatePattern(node['value'], `${path}.value`);
  for (const key of Object.keys(node)) {
    if (!['fact', 'operator', 'value'].includes(key)) {
      throw new ValidationError(`${path}.${key}`, `${path}.${key} is not a condition field (fact, operator, value)`);
    }
  }
}

function validatePattern(value: unknown, path: string): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) {
    throw new ValidationError(path, `${path} must be a regular expression of 1 to 500 characters`);
  }
  try {
    new RegExp(value, 'iu');
  } catch {
    throw new ValidationError(path, `${path} is not a valid regular expression`);
  }
  // Every visitor message is tested against it: nested repetition such as "(a+)+" can take
  // exponential time on a crafted message and stall the worker.
  if (!safeRegex(value)) {
    throw new ValidationError(
      path,
      `${path} could take exponential time on some messages (nested repetition such as "(a+)+"): rewrite it without a repeated group that repeats`,
    );
  }
}
