import { membershipDatabase } from '@praxis/membership/data-access';

/** Each service's entities and committed migrations, for generation and the drift check. */
export const SERVICE_DATABASES: Record<string, { entities: unknown[]; migrations: unknown[]; dir: string }> =
  {
    membership: { ...membershipDatabase, dir: 'libs/membership/data-access/src/migrations' },
  };
