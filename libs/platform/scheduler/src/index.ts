export * from './scheduler';
export * from './scheduler.entities';
export * from './scheduler.migration';
export * from './nest/scheduler.module';
