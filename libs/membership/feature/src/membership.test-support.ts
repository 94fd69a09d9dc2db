import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DUMMY_PASSWORD_HASH } from '@praxis/platform/auth';
import type { Caller } from '@praxis/platform/testing';

/**
 * Membership decides on its own data, so a synthetic caller must exist there with the roles its token claims
 * (a token for an unknown member is refused).
 */
export async function seedCallers(
  dataSource: DataSource,
  callers: Array<Exclude<Caller, null>>,
): Promise<void> {
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
