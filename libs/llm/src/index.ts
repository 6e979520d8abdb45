export * from './chat-types';
export { LlmError, isAbortError, type LlmErrorKind } from './llm-error';
export { OpenAICompatibleClient, type OpenAICompatibleClientOptions } from './openai-compatible.client';
export { ESCALATE_TOOL, ESCALATE_TOOL_NAME } from './escalate-tool';
export { estimateCostUsd } from './pricing';
export { parseToolArguments } from './tool-calls';
export { EmbeddingsClient, normalize as normalizeVector, type EmbeddingsClientOptions } from './embeddings.client';
