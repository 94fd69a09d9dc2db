export * from './engagement.entities';
export * from './engagement.database';
export * from './member-replica';
export * from './programme-funding.entities';
export * from './funnel-rollup';
