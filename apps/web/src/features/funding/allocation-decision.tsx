import { Text } from '@mantine/core';
import type { AllocationFieldsFragment } from '../../gql/graphql';
import { fundingMessages as t } from './messages';

/** An allocation's status, with the reason a rejection gave (the member, their lead and admins read it). */
export function AllocationDecision({
  allocation,
}: {
  allocation: Pick<AllocationFieldsFragment, 'status' | 'decisionReason'>;
}) {
  return (
    <>
      <Text size="sm">{t.allocationStatus[allocation.status]}</Text>
      {allocation.status === 'REJECTED' && allocation.decisionReason && (
        <Text size="sm">{t.rejectedBecause(allocation.decisionReason)}</Text>
      )}
    </>
  );
}
