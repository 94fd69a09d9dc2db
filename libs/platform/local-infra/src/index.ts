export * from './mock-kafka';
export * from './postgres';
