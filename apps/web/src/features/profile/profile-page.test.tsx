import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import ProfilePage from './profile-page';
import { MyProfileDocument } from './operations';

const myProfile = {
  request: { query: MyProfileDocument },
  result: {
    data: {
      me: {
        __typename: 'Member',
        id: 'm1',
        displayName: 'Amara',
        email: 'amara@example.org',
        careerStage: 'RESIDENT',
        specialty: 'Cardiology',
        interests: ['heart failure'],
        joinedAt: '2026-01-05T09:00:00.000Z',
        institutionId: 'i1',
        institution: { __typename: 'Institution', id: 'i1', name: 'Leeds' },
        roles: [],
        institutionChanges: [],
        careerStageChanges: [],
      },
      institutions: {
        __typename: 'InstitutionConnection',
        edges: [
          {
            __typename: 'InstitutionEdge',
            node: { __typename: 'Institution', id: 'i1', name: 'Leeds', country: 'GB' },
          },
        ],
      },
    },
  },
};

describe('profile page', () => {
  it('tells the member their specialty is public, as the API makes it, and never calls it private', async () => {
    renderPage(<ProfilePage />, [myProfile]);
    const specialty = await screen.findByRole('textbox', { name: /specialty/i });
    expect(specialty).toHaveValue('Cardiology');
    expect(specialty).toHaveAccessibleDescription(/^Public: other members see it/);
    expect(screen.getByText(/specialty and interests are visible to other members/)).toBeInTheDocument();
    expect(screen.queryByText(/private/i)).not.toBeInTheDocument();
  });
});
