export * from './membership.entities';
