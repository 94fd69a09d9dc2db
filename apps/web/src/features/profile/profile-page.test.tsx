import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { institutionSearch } from '../../testing/answers';
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
        institutionConfirmed: true,
        careerStageConfirmed: true,
        registrationConfirmation: null,
        institution: { __typename: 'Institution', id: 'i1', name: 'Leeds', country: 'GB' },
        roles: [],
        institutionChanges: [],
        careerStageChanges: [],
      },
    },
  },
};

/** The first page by name: the member's own institution is not on it. */
const firstInstitutions = institutionSearch(null, [{ id: 'i2', name: 'Aberdeen' }]);

describe('profile page', () => {
  it('tells the member their specialty is public, as the API makes it, and never calls it private', async () => {
    renderPage(<ProfilePage />, [myProfile, firstInstitutions]);
    const specialty = await screen.findByRole('textbox', { name: /specialty/i });
    expect(specialty).toHaveValue('Cardiology');
    expect(specialty).toHaveAccessibleDescription(/^Public: other members see it/);
    expect(screen.getByText(/specialty and interests are visible to other members/)).toBeInTheDocument();
    expect(screen.queryByText(/private/i)).not.toBeInTheDocument();
    expect(screen.queryByText(/wait for confirmation/)).not.toBeInTheDocument();
  });

  it('tells a new member their institution and career stage await confirmation, and a rejection its reason', async () => {
    const unconfirmed = (status: string, reason: string | null) => ({
      ...myProfile,
      result: {
        data: {
          ...myProfile.result.data,
          me: {
            ...myProfile.result.data.me,
            institutionConfirmed: false,
            careerStageConfirmed: false,
            registrationConfirmation: { __typename: 'RegistrationConfirmation', id: 'r1', status, reason },
          },
        },
      },
    });
    const pending = renderPage(<ProfilePage />, [unconfirmed('PENDING', null), firstInstitutions]);
    expect(
      await screen.findByText(/Your institution and career stage wait for confirmation by a lead/),
    ).toBeInTheDocument();
    pending.unmount();
    renderPage(<ProfilePage />, [unconfirmed('REJECTED', 'not on our register'), firstInstitutions]);
    expect(await screen.findByText(/were not confirmed: not on our register/)).toBeInTheDocument();
  });

  it('finds the institution to move to by name on the server, past the first page, and keeps its own shown', async () => {
    const user = userEvent.setup();
    renderPage(<ProfilePage />, [
      myProfile,
      firstInstitutions,
      institutionSearch('Glas', [{ id: 'i9', name: 'Glasgow' }]),
    ]);
    const institution = await screen.findByRole('combobox', { name: /^institution/i });
    expect(institution).toHaveValue('Leeds (GB)');
    await user.clear(institution);
    await user.type(institution, 'Glas');
    await user.click(await screen.findByRole('option', { name: 'Glasgow (GB)' }));
    expect(institution).toHaveValue('Glasgow (GB)');
  });
});
