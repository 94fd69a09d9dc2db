export * from './community-harness';
export * from './programme-fixture';
