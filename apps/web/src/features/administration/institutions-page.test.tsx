import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import InstitutionsPage from './institutions-page';
import { AdminInstitutionsDocument, FindMembersDocument } from './operations';

const admin = {
  id: 'admin-1',
  displayName: 'Ada Admin',
  roles: [{ role: 'ADMIN' as const, institutionId: null }],
};
const institution = (id: string, name: string) => ({ __typename: 'Institution', id, name });

describe('institutions and roles', () => {
  it("names a member's institution and a lead role's from the member, not from the institutions shown", async () => {
    renderPage(
      <InstitutionsPage />,
      [
        {
          // the first page of 100 institutions by name does not hold the member's
          request: { query: AdminInstitutionsDocument },
          result: {
            data: {
              institutions: {
                __typename: 'InstitutionConnection',
                edges: [
                  {
                    __typename: 'InstitutionEdge',
                    node: { __typename: 'Institution', id: 'i1', name: 'Aberdeen', country: 'GB' },
                  },
                ],
                pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'c1' },
              },
            },
          },
        },
        {
          request: { query: FindMembersDocument, variables: { filter: { nameContains: 'Ze' } } },
          result: {
            data: {
              members: {
                __typename: 'MemberConnection',
                edges: [
                  {
                    __typename: 'MemberEdge',
                    node: {
                      __typename: 'Member',
                      id: 'm1',
                      displayName: 'Zed',
                      careerStage: 'CONSULTANT',
                      institutionId: 'i150',
                      institution: institution('i150', 'York Teaching Hospital'),
                      roles: [
                        { __typename: 'RoleGrant', role: 'MEMBER', institutionId: null, institution: null },
                        {
                          __typename: 'RoleGrant',
                          role: 'LEAD',
                          institutionId: 'i151',
                          institution: institution('i151', 'Whitby Community Hospital'),
                        },
                      ],
                    },
                  },
                ],
              },
            },
          },
        },
      ],
      admin,
    );
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /^Find a member by name/ }), 'Ze');
    const card = await screen.findByRole('article', { name: 'Zed' });
    expect(within(card).getByText(/^Zed · Consultant · York Teaching Hospital$/)).toBeInTheDocument();
    expect(within(card).getByText(/Institutional lead \(Whitby Community Hospital\)/)).toBeInTheDocument();
  });
});
