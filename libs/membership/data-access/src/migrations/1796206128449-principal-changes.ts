import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createPrincipalChangeTriggers,
  dropPrincipalChangeTriggers,
  type PrincipalTable,
} from '@praxis/platform/database';

/**
 * What the guard reads about a caller (the member's row, roles, the session) is reported when it changes, so
 * the service can keep it between requests (MembershipPrincipalSource). A new member or a new session is not:
 * nothing read before can depend on a row that did not exist.
 */
export const MEMBERSHIP_PRINCIPAL_TABLES: readonly PrincipalTable[] = [
  { table: 'member', memberColumn: 'id', events: ['UPDATE', 'DELETE'] },
  { table: 'role_grant', memberColumn: 'member_id', events: ['INSERT', 'UPDATE', 'DELETE'] },
  { table: 'auth_session', memberColumn: 'member_id', events: ['UPDATE', 'DELETE'] },
];

export class PrincipalChanges1796206128449 implements MigrationInterface {
  name = 'PrincipalChanges1796206128449';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createPrincipalChangeTriggers(queryRunner, MEMBERSHIP_PRINCIPAL_TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropPrincipalChangeTriggers(queryRunner, MEMBERSHIP_PRINCIPAL_TABLES);
  }
}
