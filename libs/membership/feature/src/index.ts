export * from './membership-feature.module';
export * from './membership.service';
export * from './membership.errors';
export * from './demographics.publisher';
