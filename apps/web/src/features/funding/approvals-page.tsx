import { Anchor, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { nodes } from '../../lib/connection';
import { messageOf } from '../../lib/errors';
import { formatDay, formatNumber } from '../../lib/format';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { ScrollTable, TableHead } from '../../lib/table';
import { fundingMessages as t } from './messages';
import { ApprovalQueueDocument, ApproveProtectedTimeDocument } from './operations';

function Approve({ allocationId, name }: { allocationId: string; name: string }) {
  const [approve, approving] = useMutation(ApproveProtectedTimeDocument, {
    refetchQueries: [ApprovalQueueDocument],
  });
  const run = async () => {
    try {
      await approve({ variables: { allocationId } });
      notifications.show({ color: 'green', message: t.approved });
    } catch (error) {
      notifications.show({ color: 'red', message: messageOf(error) });
    }
  };
  return (
    <Button size="xs" loading={approving.loading} onClick={() => void run()}>
      {t.approve(name)}
    </Button>
  );
}

/** Protected time waiting for a lead of the member's institution (or an admin) to release it. */
export default function ApprovalsPage() {
  const queue = useQuery(ApprovalQueueDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <Page title={t.approvalsTitle} intro={t.approvalsIntro}>
      <QueryState data={queue.data} loading={queue.loading} error={queue.error}>
        {(data) => {
          const waiting = nodes(data.awards).flatMap((award) =>
            award.protectedTime
              .filter((allocation) => allocation.status === 'PROPOSED')
              .map((allocation) => ({ award, allocation })),
          );
          if (waiting.length === 0) return <Text>{t.noApprovals}</Text>;
          return (
            <ScrollTable minWidth={640}>
              <Table striped withTableBorder>
                <TableHead
                  columns={[
                    t.member,
                    t.award,
                    t.weeklyHours,
                    t.from,
                    t.to,
                    <VisuallyHidden key="decision">{t.decision}</VisuallyHidden>,
                  ]}
                />
                <Table.Tbody>
                  {waiting.map(({ award, allocation }) => (
                    <Table.Tr key={allocation.id}>
                      <Table.Td>{allocation.member.displayName}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/funding/awards/${award.id}`}>
                          {award.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatNumber(allocation.weeklyHours)}</Table.Td>
                      <Table.Td>{formatDay(allocation.from)}</Table.Td>
                      <Table.Td>{formatDay(allocation.to)}</Table.Td>
                      <Table.Td>
                        <Approve allocationId={allocation.id} name={allocation.member.displayName} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          );
        }}
      </QueryState>
      {/* the queue is read award by award: a later page of awards may hold more waiting time */}
      <ShowMore query={queue} path={['awards']} label={t.moreAwards} />
    </Page>
  );
}
