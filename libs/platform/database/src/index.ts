export * from './snake-naming.strategy';
export * from './data-source.factory';
export * from './migration-drift';
export * from './ensure-database';
export * from './database.logger';
export * from './hydrate';
export * from './pool-query';
export * from './like-pattern';
