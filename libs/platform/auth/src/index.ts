export * from './password';
export * from './principal';
export * from './tokens';
export * from './nest/auth.guard';
