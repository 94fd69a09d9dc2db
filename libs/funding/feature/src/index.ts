export * from './funding-feature.module';
export * from './funding.errors';
export * from './funding.options';
export * from './award/awards.service';
export * from './ledger/ledger.service';
export * from './handlers/offer-awards-when-results-published.handler';
export * from './handlers/record-supervisor-when-supervision-starts.handler';
