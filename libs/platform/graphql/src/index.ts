export * from './errors';
export * from './validation';
export * from './limits';
export * from './pagination';
export * from './subgraph.module';
export * from './graphql-errors.filter';
export * from './ids';
export * from './loaders';
