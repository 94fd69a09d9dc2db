export * from './child-process';
export * from './mock-kafka';
export * from './postgres';
