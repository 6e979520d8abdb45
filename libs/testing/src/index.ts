export * from './mock-llm/mock-replies';
export * from './mock-llm/mock-openai-server';
export * from './realtime/event-recorder';
export * from './queue/wait-for-queue';
export * from './mock-llm/mock-embeddings';
