import { Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { nodes } from '../../lib/connection';
import { formatDate } from '../../lib/format';
import { commonMessages } from '../../lib/messages';
import { QueryState } from '../../lib/query-state';
import { ShowMore } from '../../lib/show-more';
import { dashboardMessages as t } from './messages';
import { InstitutionMembersDocument, MemberEngagementRecordDocument } from './operations';

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

/** One member's timeline: a lead picks one of their institution's members (never with demographic data). */
export function MemberRecordSection({ institutionId }: { institutionId: string | null }) {
  const members = useQuery(InstitutionMembersDocument, {
    variables: { filter: institutionId ? { institutionId } : null },
  });
  const [memberId, setMemberId] = useState<string | null>(null);
  return (
    <section aria-labelledby="record">
      <Stack gap="xs">
        <Title order={2} size="h3" id="record">
          {t.recordTitle}
        </Title>
        <Text size="sm">{t.recordIntro}</Text>
        <QueryState data={members.data} loading={members.loading} error={members.error}>
          {(data) => (
            <>
              <Select
                label={t.member}
                placeholder={t.chooseMember}
                searchable
                maw={360}
                data={nodes(data.members).map((member) => ({ value: member.id, label: member.displayName }))}
                value={memberId}
                onChange={setMemberId}
              />
              <ShowMore query={members} path={['members']} label={t.moreMembers} />
            </>
          )}
        </QueryState>
        {memberId && <Record memberId={memberId} />}
      </Stack>
    </section>
  );
}
