export * from './community.entity';
export * from './programme.entity';
export * from './application.entity';
export * from './attendance.entity';
export * from './reflection.entity';
export * from './certificate.entity';
export * from './tagged-listing.entity';
export * from './community.database';
