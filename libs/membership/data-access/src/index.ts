export * from './membership.entities';
export * from './membership.database';
export * from './session.entities';
