import { Box, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { nodes } from '../../lib/connection';
import { formatDate } from '../../lib/format';
import { commonMessages } from '../../lib/messages';
import { MemberPicker, type FoundMember } from '../../lib/member-picker';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { dashboardMessages as t } from './messages';
import { MemberEngagementRecordDocument } from './operations';

function Record({ memberId }: { memberId: string }) {
  const record = useQuery(MemberEngagementRecordDocument, { variables: { memberId } });
  return (
    <QueryState data={record.data} loading={record.loading} error={record.error}>
      {({ memberEngagementRecord: found }) => {
        const activities = nodes(found.activities);
        return (
          <Stack gap="xs">
            <Text size="sm">
              {commonMessages.careerStages[found.careerStage]}
              {found.registeredAt ? ` · ${t.registered(formatDate(found.registeredAt))}` : ''}
            </Text>
            {activities.length === 0 ? (
              <Text>{t.noActivities}</Text>
            ) : (
              <>
                <Table striped withTableBorder>
                  <Table.Tbody>
                    {activities.map((activity, index) => (
                      <Table.Tr key={`${activity.activity}-${activity.occurredAt}-${index}`}>
                        <Table.Td>{formatDate(activity.occurredAt)}</Table.Td>
                        <Table.Td>{t.activities[activity.activity]}</Table.Td>
                        <Table.Td>{activity.label ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <ShowMore
                  query={record}
                  path={['memberEngagementRecord', 'activities']}
                  label={t.moreActivities}
                />
              </>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

/**
 * One member's timeline: a lead finds one of their institution's members by name (the search runs on the
 * server, scoped to the institution shown, so nobody is out of reach behind a first page) and sees their record,
 * never with demographic data. With the whole network shown (an admin), the search covers every member.
 */
export function MemberRecordSection({
  institutionId,
  institutionName,
}: {
  institutionId: string | null;
  /** The institution's name for the search's label, when one is shown. */
  institutionName?: string;
}) {
  const [member, setMember] = useState<FoundMember | null>(null);
  return (
    <section aria-labelledby="record">
      <Stack gap="xs">
        <Title order={2} size="h3" id="record">
          {t.recordTitle}
        </Title>
        <Text size="sm">{t.recordIntro}</Text>
        <Box maw={480}>
          <MemberPicker
            label={institutionId && institutionName ? t.findMemberOf(institutionName) : t.findMember}
            institutionId={institutionId}
            pickLabel={t.showRecord}
            onPick={setMember}
          />
        </Box>
        {member && (
          <Stack gap={4}>
            <Title order={3} size="h4">
              {t.recordOf(member.displayName)}
            </Title>
            <Record memberId={member.id} />
          </Stack>
        )}
      </Stack>
    </section>
  );
}
