export * from './clock';
export * from './test-clock.config';
export * from './nest/test-clock.controller';
