import { ValidationError } from '../errors';
import { validateRuleCondition } from './rule-condition';

function failure(condition: unknown): ValidationError {
  try {
    validateRuleCondition(condition, '0.when');
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('the condition was accepted');
}

describe('validateRuleCondition', () => {
  it('accepts a tree over the contract facts and customer attributes', () => {
    expect(() =>
      validateRuleCondition(
        {
          any: [
            { fact: 'intent', operator: 'equal', value: 'legal_threat' },
            { all: [{ fact: 'negativeStreak', operator: 'greaterThanInclusive', value: 2 }, { not: { fact: 'customer.plan', operator: 'equal', value: 'free' } }] },
          ],
        },
        '0.when',
      ),
    ).not.toThrow();
  });

  it('names the path of the first bad node', () => {
    expect(failure({ all: [{ fact: 'intent', operator: 'equal', value: 'x' }, { fact: 'mood', operator: 'equal', value: 1 }] }).field).toBe(
      '0.when.all.1.fact',
    );
    expect(failure({ any: [{ fact: 'tone.score', operator: 'below', value: 0 }] }).field).toBe('0.when.any.0.operator');
    expect(failure({ fact: 'botTurns', operator: 'greaterThan' }).field).toBe('0.when.value');
    expect(failure({ all: [] }).field).toBe('0.when.all');
    expect(failure('intent = refund').field).toBe('0.when');
  });
});
