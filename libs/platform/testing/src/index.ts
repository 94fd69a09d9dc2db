export * from './infra';
export * from './helpers';
export * from './kafka';
export * from './seeded-random';
export * from './subgraph-harness';
export * from './graphql-fuzz';
export * from './authorisation-matrix';
export * from './harness-helpers';
