import { engagementDatabase } from '@praxis/engagement/data-access';
import { membershipDatabase } from '@praxis/membership/data-access';
import { mentorshipDatabase } from '@praxis/mentorship/data-access';
import { proposalsDatabase } from '@praxis/proposals/data-access';

/** Each service's entities and committed migrations, for generation and the drift check. */
export const SERVICE_DATABASES: Record<string, { entities: unknown[]; migrations: unknown[]; dir: string }> =
  {
    engagement: { ...engagementDatabase, dir: 'libs/engagement/data-access/src/migrations' },
    membership: { ...membershipDatabase, dir: 'libs/membership/data-access/src/migrations' },
    mentorship: { ...mentorshipDatabase, dir: 'libs/mentorship/data-access/src/migrations' },
    proposals: { ...proposalsDatabase, dir: 'libs/proposals/data-access/src/migrations' },
  };
