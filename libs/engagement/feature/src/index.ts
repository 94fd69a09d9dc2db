export * from './engagement-feature.module';
export * from './engagement.options';
export * from './engagement.errors';
export * from './projections';
export * from './metrics/dimensions';
export * from './rebuild/rebuild';
export * from './rebuild/progress';
