export * from './mentorship-feature.module';
export * from './mentorship.options';
export * from './mentorship.errors';
export * from './matching.service';
export * from './profiles.service';
export * from './relationships.service';
export * from './mastermind.service';
export * from './workshops.service';
