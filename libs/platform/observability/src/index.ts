export * from './context';
export * from './logger';
export * from './metrics';
export * from './nest/observability.module';
export * from './nest/nest-logger';
export * from './request';
export * from './tracing';
