import { Anchor, Button, Group, Modal, Stack, Table, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { nodes } from '../../lib/connection';
import { messageOf } from '../../lib/errors';
import { focusFirstError, showFieldErrors } from '../../lib/forms';
import { formatDay, formatNumber } from '../../lib/format';
import { Page } from '../../lib/page';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { ScrollTable, TableHead } from '../../lib/table';
import { fundingMessages as t } from './messages';
import { AllocationDecision } from './allocation-decision';
import {
  ApproveProtectedTimeDocument,
  ProtectedTimeToApproveDocument,
  RejectProtectedTimeDocument,
} from './operations';

/** funding's rule for a rejection's reason: 1 to 1,000 characters once trimmed */
const MAX_REASON = 1000;

export function rejectionReasonProblem(reason: string): string | null {
  const length = reason.trim().length;
  return length === 0 || length > MAX_REASON ? t.rejectReasonRequired : null;
}

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
 * "Reject…" opens a dialog asking why (required); the server's refusal, of the reason or of the decision (another
 * lead decided first), is shown at the reason. The answer's status and reason update the row through the cache.
 */
function Reject({ allocationId, name }: { allocationId: string; name: string }) {
  const [opened, setOpened] = useState(false);
  const [reject] = useMutation(RejectProtectedTimeDocument);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: rejectionReasonProblem } });
  const close = () => {
    setOpened(false);
    form.reset();
  };
  const submit = form.onSubmit(async (values) => {
    try {
      await reject({ variables: { allocationId, reason: values.reason.trim() } });
      notifications.show({ color: 'green', message: t.rejected });
      close();
    } catch (error) {
      if (!showFieldErrors(form, error, { prefix: '' })) {
        form.setFieldError('reason', messageOf(error));
        focusFirstError({ reason: true });
      }
    }
  }, focusFirstError);
  return (
    <>
      {/* red 9: Mantine's red 8 outline text is 4.3:1 on a striped row's grey (axe in web-lead found it) */}
      <Button
        size="xs"
        variant="outline"
        color="red.9"
        aria-label={t.rejectFor(name)}
        onClick={() => setOpened(true)}
      >
        {t.reject}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t.rejectTitle(name)}
        closeButtonProps={{ 'aria-label': t.cancel }}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t.rejectReason}
              description={t.rejectReasonHint}
              required
              data-autofocus
              autosize
              minRows={3}
              maxLength={MAX_REASON}
              {...form.getInputProps('reason')}
            />
            <Group gap="xs" justify="flex-end">
              <Button variant="subtle" disabled={form.submitting} onClick={close}>
                {t.cancel}
              </Button>
              <Button type="submit" color="red.9" loading={form.submitting}>
                {t.sendRejection}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
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
              <ScrollTable minWidth={720}>
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
                            <Group gap="xs" wrap="nowrap">
                              <Approve allocationId={allocation.id} name={allocation.member.displayName} />
                              <Reject allocationId={allocation.id} name={allocation.member.displayName} />
                            </Group>
                          ) : (
                            <AllocationDecision allocation={allocation} />
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
