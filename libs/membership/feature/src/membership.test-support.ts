import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DUMMY_PASSWORD_HASH } from '@praxis/platform/auth';
import type { Role } from '@praxis/contracts';

/**
 * Membership decides on its own data, so a synthetic caller must exist there with the roles its token claims
 * (a token for an unknown member is refused).
 */
/** A signed-in caller of the in-process harness (the same shape as its `Caller`). */
export interface SeededCaller {
  memberId: string;
  roles?: Array<Role | { role: Role; institutionId: string }>;
}

export async function seedCallers(dataSource: DataSource, callers: SeededCaller[]): Promise<void> {
  for (const caller of callers) {
    const institutionId = randomUUID();
    await dataSource.query(`INSERT INTO institution (id, name, country) VALUES ($1, $2, 'GB')`, [
      institutionId,
      `Callers' institution ${institutionId}`,
    ]);
    await dataSource.query(
      `INSERT INTO member (id, email, password_hash, display_name, career_stage, institution_id)
       VALUES ($1, $2, $3, 'Test caller', 'OTHER', $4) ON CONFLICT (id) DO NOTHING`,
      [caller.memberId, `caller.${caller.memberId}@example.org`, DUMMY_PASSWORD_HASH, institutionId],
    );
    for (const grant of caller.roles ?? []) {
      const role = typeof grant === 'string' ? grant : grant.role;
      const institutionId = typeof grant === 'string' ? null : grant.institutionId;
      await dataSource.query(
        `INSERT INTO role_grant (member_id, role, institution_key, institution_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [caller.memberId, role, institutionId ?? '', institutionId],
      );
    }
  }
}
