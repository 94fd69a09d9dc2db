export * from './allocation';
export * from './allocation-approval';
export * from './time-log';
export * from './utilisation';
export * from './erosion';
export * from './effort-statement';
export * from './utilisation.sql';
