export * from './lib/engagement.exception';
export * from './lib/period';
export * from './lib/suppression';
export * from './lib/funnel';
export * from './lib/rates';
export * from './lib/rollup';
