import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import { MemberRecordSection } from './member-record';
import { foundMember, memberSearch } from '../../testing/answers';
import { MemberEngagementRecordDocument } from './operations';

const page = (endCursor: string | null) => ({
  __typename: 'PageInfo',
  hasNextPage: endCursor !== null,
  endCursor,
});

const record = (after: string | undefined, labels: string[], endCursor: string | null) => ({
  request: {
    query: MemberEngagementRecordDocument,
    variables: after ? { memberId: 'id-Ben', after } : { memberId: 'id-Ben' },
  },
  result: {
    data: {
      memberEngagementRecord: {
        __typename: 'MemberEngagementRecord',
        memberId: 'id-Ben',
        institutionId: 'i1',
        careerStage: 'RESIDENT',
        registeredAt: '2026-01-05T09:00:00.000Z',
        activities: {
          __typename: 'MemberActivityConnection',
          pageInfo: page(endCursor),
          edges: labels.map((label) => ({
            __typename: 'MemberActivityEdge',
            node: {
              __typename: 'MemberActivity',
              activity: 'PROGRAMME_APPLICANTS',
              occurredAt: '2026-03-01T09:00:00.000Z',
              label,
            },
          })),
        },
      },
    },
  },
});

describe("a member's record", () => {
  it('finds a member who is on no first page by name, within the lead’s institution, and pages their activities', async () => {
    const user = userEvent.setup();
    renderPage(<MemberRecordSection institutionId="i1" institutionName="North Hospital" />, [
      // the server's search by name, scoped to the institution: no list of members is loaded first
      memberSearch('Ben', null, [foundMember('id-Ben', 'Ben Zed')], 'i1'),
      record(undefined, ['Spring school'], 'a-1'),
      record('a-1', ['Autumn school'], null),
    ]);
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    await user.type(
      screen.getByRole('searchbox', { name: 'Find a member of North Hospital by name' }),
      'Ben',
    );
    expect(await screen.findByText('1 person found.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "Show Ben Zed's record" }));
    expect(await screen.findByRole('heading', { name: "Ben Zed's record" })).toBeInTheDocument();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Spring school')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more activities' }));
    expect(await within(table).findByText('Autumn school')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more activities' })).not.toBeInTheDocument();
  });

  it('searches every member when the whole network is shown', async () => {
    const user = userEvent.setup();
    renderPage(<MemberRecordSection institutionId={null} />, [
      memberSearch('Ben', null, [foundMember('id-Ben', 'Ben Zed', 'South Hospital')]),
      record(undefined, ['Spring school'], null),
    ]);
    await user.type(screen.getByRole('searchbox', { name: 'Find a member by name' }), 'Ben');
    await user.click(await screen.findByRole('button', { name: "Show Ben Zed's record" }));
    expect(await screen.findByText('Spring school')).toBeInTheDocument();
  });
});
