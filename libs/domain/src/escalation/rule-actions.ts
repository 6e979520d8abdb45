import { PRIORITIES, type Priority } from '@parley/contracts';
import { ValidationError } from '../errors';

/** What a rule does when it fires. A rule's `then` is one action or a list of them. */
export type RuleAction =
  | { action: 'escalate'; priority?: Priority; team?: string; reason?: string }
  | { action: 'tag'; tags: string[] }
  | { action: 'set_priority'; priority: Priority }
  | { action: 'send_message'; text: string };

export const RULE_ACTIONS = ['escalate', 'tag', 'set_priority', 'send_message'] as const;

const FIELDS: Record<RuleAction['action'], readonly string[]> = {
  escalate: ['action', 'priority', 'team', 'reason'],
  tag: ['action', 'tags'],
  set_priority: ['action', 'priority'],
  send_message: ['action', 'text'],
};

const MAX_ACTIONS = 10;
const MAX_TAGS = 20;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a rule's `then` (one action or a list) and returns it as a list; names the bad path. */
export function validateRuleActions(then: unknown, path: string): RuleAction[] {
  if (Array.isArray(then)) {
    if (then.length === 0 || then.length > MAX_ACTIONS) {
      throw new ValidationError(path, `${path} must hold 1 to ${MAX_ACTIONS} actions`);
    }
    return then.map((action, index) => validateAction(action, `${path}.${index}`));
  }
  return [validateAction(then, path)];
}

function validateAction(node: unknown, path: string): RuleAction {
  if (!isObject(node)) throw new ValidationError(path, `${path} must be an action object`);
  const action = node['action'];
  if (typeof action !== 'string' || !(RULE_ACTIONS as readonly string[]).includes(action)) {
    throw new ValidationError(`${path}.action`, `${path}.action must be one of ${RULE_ACTIONS.join(', ')}`);
  }
  const kind = action as RuleAction['action'];
  for (const key of Object.keys(node)) {
    if (!FIELDS[kind].includes(key)) throw new ValidationError(`${path}.${key}`, `${path}.${key} is not a field of ${kind}`);
  }
  switch (kind) {
    case 'escalate':
      return {
        action: kind,
        ...optional('priority', node['priority'] === undefined ? undefined : priority(node['priority'], `${path}.priority`)),
        ...optional('team', node['team'] === undefined ? undefined : shortText(node['team'], `${path}.team`, 100)),
        ...optional('reason', node['reason'] === undefined ? undefined : shortText(node['reason'], `${path}.reason`, 500)),
      };
    case 'tag': {
      const tags = node['tags'];
      if (!Array.isArray(tags) || tags.length === 0 || tags.length > MAX_TAGS) {
        throw new ValidationError(`${path}.tags`, `${path}.tags must be a list of 1 to ${MAX_TAGS} tags`);
      }
      return { action: kind, tags: tags.map((tag, index) => shortText(tag, `${path}.tags.${index}`, 50)) };
    }
    case 'set_priority':
      return { action: kind, priority: priority(node['priority'], `${path}.priority`) };
    case 'send_message':
      return { action: kind, text: shortText(node['text'], `${path}.text`, 2_000) };
  }
}

function priority(value: unknown, path: string): Priority {
  if (typeof value !== 'string' || !(PRIORITIES as readonly string[]).includes(value)) {
    throw new ValidationError(path, `${path} must be one of ${PRIORITIES.join(', ')}`);
  }
  return value as Priority;
}

function shortText(value: unknown, path: string, max: number): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text || text.length > max) throw new ValidationError(path, `${path} must be text of 1 to ${max} characters`);
  return text;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
