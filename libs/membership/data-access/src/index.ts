export * from './membership.entities';
export * from './membership.database';
