export * from './membership-feature.module';
export * from './membership.service';
export * from './membership.errors';
export * from './demographics.publisher';
export * from './sessions/password-reset.delivery';
export * from './sessions/session.options';
export * from './sessions/sessions.service';
export * from './sessions/auth.throttle';
