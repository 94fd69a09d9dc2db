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
import { ApproveProtectedTimeDocument, ProtectedTimeToApproveDocument } from './operations';

function Approve({ allocationId, name }: { allocationId: string; name: string }) {
  // the answer's status updates the allocation in the cache: the row says so, and the pages shown stay
  const [approve, approving] = useMutation(ApproveProtectedTimeDocument);
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

/**
 * Protected time waiting for a lead of the member's institution (or an admin) to release it: the funding service's
 * queue of what the caller may decide, oldest first, 100 a page. Decisions taken here stay shown until refreshed.
 */
export default function ApprovalsPage() {
  const queue = useQuery(ProtectedTimeToApproveDocument, { fetchPolicy: 'cache-and-network' });
  return (
    <Page title={t.approvalsTitle} intro={t.approvalsIntro}>
      <QueryState data={queue.data} loading={queue.loading} error={queue.error}>
        {({ protectedTimeToApprove: waiting }) =>
          waiting.edges.length === 0 ? (
            <Text>{t.noApprovals}</Text>
          ) : (
            <>
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
                    {nodes(waiting).map((allocation) => (
                      <Table.Tr key={allocation.id}>
                        <Table.Td>{allocation.member.displayName}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/funding/awards/${allocation.awardId}`}>
                            {allocation.awardTitle}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{formatNumber(allocation.weeklyHours)}</Table.Td>
                        <Table.Td>{formatDay(allocation.from)}</Table.Td>
                        <Table.Td>{formatDay(allocation.to)}</Table.Td>
                        <Table.Td>
                          {allocation.status === 'PROPOSED' ? (
                            <Approve allocationId={allocation.id} name={allocation.member.displayName} />
                          ) : (
                            <Text size="sm">{t.allocationStatus[allocation.status]}</Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <ShowMore query={queue} path={['protectedTimeToApprove']} label={t.moreApprovals} />
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
