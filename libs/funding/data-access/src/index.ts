export * from './funding.entities';
export * from './funding.database';
export * from './member-replica';
