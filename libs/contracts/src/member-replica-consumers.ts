/**
 * The services that keep a member replica (libs/platform/member-replica): each reads membership's member,
 * role and institution events, so the broker's ACLs let them. `npm run new:service` adds a new service here.
 */
export const MEMBER_REPLICA_CONSUMERS: readonly string[] = [
  'proposals',
  'mentorship',
  'community',
  'funding',
  'engagement',
];
