export * from './allocation';
export * from './time-log';
export * from './utilisation';
export * from './erosion';
export * from './effort-statement';
