export * from './mentorship.entities';
export * from './mentorship.database';
