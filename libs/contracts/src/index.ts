export * from './errors';
export * from './enums';
export * from './schemas';
export * from './events';
export * from './jobs';
export * from './redis-keys';
export * from './providers';
