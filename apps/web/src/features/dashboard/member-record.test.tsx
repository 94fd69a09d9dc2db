import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import { MemberRecordSection } from './member-record';
import { InstitutionMembersDocument, MemberEngagementRecordDocument } from './operations';

const page = (endCursor: string | null) => ({
  __typename: 'PageInfo',
  hasNextPage: endCursor !== null,
  endCursor,
});

const members = (after: string | undefined, names: string[], endCursor: string | null) => ({
  request: {
    query: InstitutionMembersDocument,
    variables: after ? { filter: { institutionId: 'i1' }, after } : { filter: { institutionId: 'i1' } },
  },
  result: {
    data: {
      members: {
        __typename: 'MemberConnection',
        pageInfo: page(endCursor),
        edges: names.map((name) => ({
          __typename: 'MemberEdge',
          node: { __typename: 'Member', id: `id-${name}`, displayName: name, careerStage: 'RESIDENT' },
        })),
      },
    },
  },
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
  it('shows more of the institution’s members and of a member’s activities, each loading the next page', async () => {
    const user = userEvent.setup();
    renderPage(<MemberRecordSection institutionId="i1" />, [
      members(undefined, ['Ann'], 'm-1'),
      members('m-1', ['Ben'], null),
      record(undefined, ['Spring school'], 'a-1'),
      record('a-1', ['Autumn school'], null),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Show more members' }));
    expect(await screen.findByText('1 more shown.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more members' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Member' }));
    await user.click(await screen.findByRole('option', { name: 'Ben' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Spring school')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show more activities' }));
    expect(await within(table).findByText('Autumn school')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more activities' })).not.toBeInTheDocument();
  });
});
