export * from './chat-types';
export { LlmError, isAbortError, type LlmErrorKind } from './llm-error';
export { OpenAICompatibleClient, type OpenAICompatibleClientOptions, type StructuredRequest } from './openai-compatible.client';
export { ESCALATE_TOOL, ESCALATE_TOOL_NAME } from './escalate-tool';
export { estimateCostUsd, knownModelFacts, type ModelPrice } from './pricing';
export { parseToolArguments } from './tool-calls';
export { EmbeddingsClient, normalize as normalizeVector, type EmbeddingsClientOptions } from './embeddings.client';
export {
  ChainExhaustedError,
  completeWithChain,
  ProviderCircuits,
  type ChainCallbacks,
  type ChainRequest,
  type ChainResult,
  type ChainTarget,
  type ResilienceOptions,
} from './model-chain';
export { countPromptTokens, estimateUsage } from './token-count';
