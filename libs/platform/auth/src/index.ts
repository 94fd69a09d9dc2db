export * from './password';
export * from './principal';
export * from './principal-cache';
export * from './tokens';
export * from './nest/auth.guard';
