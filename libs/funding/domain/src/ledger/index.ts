export * from './spend-ledger';
export * from './budget-view';
