export * from './funding.exception';
export * from './calendar/iso-day';
export * from './money';
export * from './award';
export * from './ledger';
export * from './protected-time';
export * from './reporting/report-schedule';
export * from './reporting/award-output';
