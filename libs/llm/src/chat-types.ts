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

/** A part of a user message: text, or an image (a `data:` or https URL) for vision models. */
export type UserContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

export interface UserMessage {
  role: 'user';
  content: string | UserContentPart[];
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
  /** Zero when the provider does not report usage. */
  usage: TokenUsage;
  /** The model the provider says answered, which may be a dated snapshot of the requested one. */
  model: string;
  /** Always set: a stream that ends without one is rejected as truncated. */
  finishReason: string;
}
