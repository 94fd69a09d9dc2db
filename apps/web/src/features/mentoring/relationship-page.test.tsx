import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import {
  RelationshipCheckInsDocument,
  RelationshipDocument,
  RelationshipFeedbackDocument,
} from './operations';
import RelationshipPage from './relationship-page';

const person = (id: string, displayName: string) => ({ __typename: 'Member', id, displayName });
const page = (endCursor: string | null) => ({
  __typename: 'PageInfo',
  hasNextPage: endCursor !== null,
  endCursor,
});
const vars = (after: string | undefined) => (after ? { id: 'r1', after } : { id: 'r1' });

const relationshipIn = (status: string) => ({
  request: { query: RelationshipDocument, variables: { id: 'r1' } },
  result: {
    data: {
      relationship: {
        __typename: 'Relationship',
        id: 'r1',
        status,
        health: null,
        kind: 'MENTORING',
        startedAt: '2026-01-05T09:00:00.000Z',
        lastCheckInAt: '2026-11-01T09:00:00.000Z',
        requestMessage: null,
        responseMessage: null,
        mentor: person('m1', 'Dr Ada Obi'),
        mentee: person('m2', 'Sam Reed'),
        agreement: null,
      },
    },
  },
});
const relationship = relationshipIn('ENDED');

const checkIns = (after: string | undefined, progress: string[], endCursor: string | null) => ({
  request: { query: RelationshipCheckInsDocument, variables: vars(after) },
  result: {
    data: {
      relationship: {
        __typename: 'Relationship',
        id: 'r1',
        checkIns: {
          __typename: 'CheckInConnection',
          pageInfo: page(endCursor),
          edges: progress.map((text, index) => ({
            __typename: 'CheckInEdge',
            node: {
              __typename: 'CheckIn',
              id: `c-${text}`,
              heldAt: `2026-0${index + 1}-10T09:00:00.000Z`,
              progress: text,
              nextSteps: null,
              loggedBy: { __typename: 'Member', displayName: 'Sam Reed' },
            },
          })),
        },
      },
    },
  },
});

const feedback = (
  after: string | undefined,
  comments: string[],
  endCursor: string | null,
  period = '2026-03',
) => ({
  request: { query: RelationshipFeedbackDocument, variables: vars(after) },
  result: {
    data: {
      relationship: {
        __typename: 'Relationship',
        id: 'r1',
        feedback: {
          __typename: 'FeedbackConnection',
          pageInfo: page(endCursor),
          edges: comments.map((comment) => ({
            __typename: 'FeedbackEdge',
            node: {
              __typename: 'Feedback',
              id: `f-${comment}`,
              side: 'MENTEE',
              period,
              rating: 4,
              comment,
              author: person('m2', 'Sam Reed'),
            },
          })),
        },
      },
    },
  },
});

describe('relationship page', () => {
  it('shows more check-ins and more feedback, each list loading its own next page', async () => {
    const user = userEvent.setup();
    renderPage(
      <Routes>
        <Route path="/mentoring/:id" element={<RelationshipPage />} />
      </Routes>,
      [
        relationship,
        checkIns(undefined, ['Drafted the protocol'], 'c-1'),
        checkIns('c-1', ['Ethics approved'], null),
        feedback(undefined, ['Helpful'], 'f-1'),
        feedback('f-1', ['Very clear'], null),
      ],
      undefined,
      '/mentoring/r1',
    );
    const checkInsSection = await screen.findByRole('region', { name: 'Check-ins' });
    expect(await within(checkInsSection).findByText('Drafted the protocol')).toBeInTheDocument();
    await user.click(within(checkInsSection).getByRole('button', { name: 'Show more check-ins' }));
    expect(await within(checkInsSection).findByText('Ethics approved')).toBeInTheDocument();
    expect(
      within(checkInsSection).queryByRole('button', { name: 'Show more check-ins' }),
    ).not.toBeInTheDocument();

    const feedbackSection = screen.getByRole('region', { name: 'Feedback' });
    expect(await within(feedbackSection).findByText(/Helpful/)).toBeInTheDocument();
    await user.click(within(feedbackSection).getByRole('button', { name: 'Show more feedback' }));
    expect(await within(feedbackSection).findByText(/Very clear/)).toBeInTheDocument();
    expect(within(feedbackSection).getByText(/Helpful/)).toBeInTheDocument();
  });

  it("offers the feedback form until the member gave this month's, then says when they can give it again", async () => {
    const mentee = {
      id: 'm2',
      displayName: 'Sam Reed',
      roles: [{ role: 'MEMBER' as const, institutionId: null }],
    };
    const thisMonth = new Date().toISOString().slice(0, 7);
    const route = (
      <Routes>
        <Route path="/mentoring/:id" element={<RelationshipPage />} />
      </Routes>
    );
    const { unmount } = renderPage(
      route,
      [relationshipIn('ACTIVE'), checkIns(undefined, [], null), feedback(undefined, ['Helpful'], null)],
      mentee,
      '/mentoring/r1',
    );
    const earlier = within(await screen.findByRole('region', { name: 'Feedback' }));
    expect(await earlier.findByRole('form', { name: 'Give feedback' })).toBeInTheDocument();
    unmount();

    renderPage(
      route,
      [
        relationshipIn('ACTIVE'),
        checkIns(undefined, [], null),
        feedback(undefined, ['Helpful'], null, thisMonth),
      ],
      mentee,
      '/mentoring/r1',
    );
    const given = within(await screen.findByRole('region', { name: 'Feedback' }));
    expect(await given.findByText(/given your feedback for this month/)).toBeInTheDocument();
    expect(given.queryByRole('form', { name: 'Give feedback' })).toBeNull();
  });
});
