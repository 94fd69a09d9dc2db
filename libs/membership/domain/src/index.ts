export * from './membership.exception';
export * from './member.rules';
