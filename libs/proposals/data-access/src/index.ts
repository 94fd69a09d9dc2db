export * from './proposals.entities';
export * from './proposals.database';
export * from './member-replica';
