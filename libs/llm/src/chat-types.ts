/** A tool call the model made, with its JSON arguments already parsed. */
export interface ToolCall {
  id: string;
  name: string;
  /** Parsed arguments; `{ _raw }` holds the model's text when it was not a JSON object. */
  arguments: Record<string, unknown>;
}

export interface SystemMessage {
  role: 'system';
  content: string;
}

export interface TextPart {
  type: 'text';
  text: string;
}

/** An image the model should look at (OpenAI's shape): an `https:` URL or a `data:` URL. */
export interface ImagePart {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' };
}

export type ContentPart = TextPart | ImagePart;
/** A part of a user message (the same as `ContentPart`). */
export type UserContentPart = ContentPart;

/** A visitor's turn: plain text, or parts when it carries images (for models with vision). */
export interface UserMessage {
  role: 'user';
  content: string | ContentPart[];
}

export interface AssistantMessage {
  role: 'assistant';
  content: string;
  toolCalls?: ToolCall[];
}

/** The result of a tool call, sent back to the model. */
export interface ToolMessage {
  role: 'tool';
  toolCallId: string;
  content: string;
}

export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

/** JSON Schema of a function tool's arguments (a type alias so it fits the SDK's index signature). */
export type ToolParameters = {
  type: 'object';
  properties: Record<string, unknown>;
  required?: string[];
  additionalProperties?: boolean;
};

export interface ToolDefinition {
  name: string;
  description: string;
  parameters: ToolParameters;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

/** The plain text of a message's content, images left out (for token estimates and logs). */
export function contentText(content: string | ContentPart[]): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  temperature?: number;
  maxTokens?: number;
  /** Aborting it stops the stream; `streamChat` then rejects with an error `isAbortError` recognises. */
  signal?: AbortSignal;
  /** Called for each non-empty text chunk; `index` counts chunks from 0. */
  onDelta?: (delta: string, index: number) => void;
}

export interface ChatResult {
  text: string;
  toolCalls: ToolCall[];
  /** Zero when the provider does not report usage (then `usageReported` is false). */
  usage: TokenUsage;
  usageReported: boolean;
  /** The model the provider says answered, which may be a dated snapshot of the requested one. */
  model: string;
  /** Always set: a stream that ends without one is rejected as truncated. */
  finishReason: string;
}
