export * from './mock-llm/mock-replies';
export * from './mock-llm/mock-openai-server';
