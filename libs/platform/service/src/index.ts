export * from './service';
export * from './subgraph-schema';
