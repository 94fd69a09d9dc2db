export * from './member-replica.entities';
export * from './member-replica.migration';
export * from './member-replica.handlers';
export * from './member-replica.query';
export * from './replica-principal.source';
