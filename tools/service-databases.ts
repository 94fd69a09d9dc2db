import { membershipDatabase } from '../apps/membership/src/database';

/** Each service's entities and committed migrations, for generation and the drift check. */
export const SERVICE_DATABASES: Record<string, { entities: unknown[]; migrations: unknown[]; dir: string }> = {
  membership: { ...membershipDatabase, dir: 'apps/membership/src/migrations' },
};
