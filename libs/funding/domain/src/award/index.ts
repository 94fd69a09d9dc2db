export * from './budget-line';
export * from './award-status';
export * from './fund-balance';
export * from './competition-awards';
