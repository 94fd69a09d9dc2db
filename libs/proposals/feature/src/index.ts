export * from './proposals-feature.module';
export * from './competitions.service';
export * from './proposals.service';
export * from './judging.service';
export * from './proposals.errors';
export * from './proposals.options';
export { proposalsMemberReplicaHooks } from './handlers/proposals-member-replica.hooks';
