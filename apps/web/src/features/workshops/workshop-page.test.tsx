import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import { connectionPage } from '../../testing/answers';
import { CoachingRequestsDocument, WorkshopDocument } from './operations';
import WorkshopPage from './workshop-page';

const member = (id: string, displayName: string, careerStage = 'MEDICAL_STUDENT') => ({
  __typename: 'Member',
  id,
  displayName,
  careerStage,
});

const workshop = {
  request: { query: WorkshopDocument, variables: { id: 'w1' } },
  result: {
    data: {
      coachingWorkshop: {
        __typename: 'CoachingWorkshop',
        id: 'w1',
        title: 'Applications and first posts',
        startsAt: '2026-12-17T18:00:00.000Z',
        durationMinutes: 120,
        capacity: 1,
        eligibleStages: ['MEDICAL_STUDENT'],
        enrolledCount: 1,
        waitlistCount: 1,
        heldAt: null,
        coach: { __typename: 'Member', id: 'coach-1', displayName: 'Bilal Wright' },
        myEnrolment: null,
        enrolments: [
          {
            __typename: 'WorkshopEnrolment',
            status: 'ENROLLED',
            waitlistPosition: null,
            member: member('s1', 'Liam Clarke'),
          },
          {
            __typename: 'WorkshopEnrolment',
            status: 'WAITLISTED',
            waitlistPosition: 1,
            member: member('s2', 'Daniel Wright'),
          },
        ],
      },
    },
  },
};

const requests = {
  request: { query: CoachingRequestsDocument, variables: { workshopId: 'w1' } },
  result: { data: { coachingRequests: connectionPage('CoachingRequest', [], null, 0) } },
};

describe('workshop page, as its coach', () => {
  it('names each student’s place in the coach’s words, under column headers, and offers the coach no place', async () => {
    renderPage(
      <Routes>
        <Route path="/mentoring/workshops/:id" element={<WorkshopPage />} />
      </Routes>,
      [workshop, requests],
      { id: 'coach-1', displayName: 'Bilal Wright', roles: [{ role: 'MEMBER', institutionId: null }] },
      '/mentoring/workshops/w1',
    );
    const table = await screen.findByRole('table', { name: 'Students enrolled and waiting' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Student', 'Career stage', 'Place', 'Action plan']);
    expect(within(table).getByRole('row', { name: /Liam Clarke/ })).toHaveTextContent(/Enrolled/);
    expect(within(table).getByRole('row', { name: /Daniel Wright/ })).toHaveTextContent(
      'On the waiting list, number 1',
    );
    expect(table).not.toHaveTextContent('You are enrolled');
    expect(screen.queryByRole('button', { name: /Enrol|Join the waiting list/ })).toBeNull();
  });
});
