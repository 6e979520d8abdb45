import type { ToolDefinition } from './chat-types';

export const ESCALATE_TOOL_NAME = 'escalate_to_human';

/** Lets the model hand the conversation to a human agent instead of guessing. */
export const ESCALATE_TOOL: ToolDefinition = {
  name: ESCALATE_TOOL_NAME,
  description:
    'Hand the conversation over to a human support agent. Call this when the visitor asks to talk to a person, ' +
    'when the visitor is angry or upset, or when the question cannot be answered from the provided articles. ' +
    'Do not guess an answer instead of calling it.',
  parameters: {
    type: 'object',
    properties: {
      reason: {
        type: 'string',
        description: 'One short sentence for the agent: why this conversation needs a human.',
      },
    },
    required: ['reason'],
    additionalProperties: false,
  },
};
