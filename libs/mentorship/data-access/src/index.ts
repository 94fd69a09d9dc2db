export * from './mentorship.entities';
export * from './mentorship.database';
export * from './member-replica';
