export * from './community-feature.module';
export * from './community.options';
export * from './community.errors';
export * from './communities/communities.service';
export * from './programmes/programmes.service';
export * from './applications/applications.service';
export * from './attendance/attendance.service';
export * from './reflections/reflections.service';
