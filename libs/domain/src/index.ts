export * from './errors';
export * from './analysis/human-request';
export * from './analysis/analyzer';
export * from './analysis/tone-trend';
export * from './conversation/conversation-state';
export * from './prompt/prompt-assembly';
export * from './knowledge/extractive-answer';
export * from './escalation/rule-condition';
