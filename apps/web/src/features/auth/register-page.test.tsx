import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import { RegisterDocument } from '../../session/operations';
import RegisterPage from './register-page';
import { institutionSearch } from '../../testing/answers';

/** A password input has no ARIA role; found by its label. */
const passwordField = () => screen.getByLabelText(/^password/i, { selector: 'input' });

const institutions = institutionSearch(null, [{ id: 'i1', name: 'Leeds' }]);

describe('register page', () => {
  it('names every missing or malformed field at the field, and focuses the first', async () => {
    const user = userEvent.setup();
    renderPage(<RegisterPage />, [institutions]);
    await user.type(screen.getByRole('textbox', { name: /e-mail address/i }), 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    const email = screen.getByRole('textbox', { name: /e-mail address/i });
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription(/name@hospital\.org/);
    expect(passwordField()).toHaveAccessibleDescription(/Required/);
    expect(screen.getByRole('textbox', { name: /your name/i })).toHaveAccessibleDescription(/Required/);
    await waitFor(() => expect(email).toHaveFocus());
  });

  it("shows the server's field error at the field it names", async () => {
    const user = userEvent.setup();
    const input = {
      email: 'amara@example.org',
      password: 'password1234',
      displayName: 'Amara',
      careerStage: 'RESIDENT',
      institutionId: 'i1',
      specialty: null,
      interests: [],
    };
    const refused = {
      request: { query: RegisterDocument, variables: { input } },
      result: {
        errors: [
          new GraphQLError('input.password: is too easy to guess', {
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [
                { field: 'input.password', rule: 'passwordStrength', message: 'is too easy to guess' },
              ],
            },
          }),
        ],
      },
    };
    renderPage(<RegisterPage />, [institutions, refused]);
    await user.type(screen.getByRole('textbox', { name: /e-mail address/i }), input.email);
    await user.type(passwordField(), input.password);
    await user.type(screen.getByRole('textbox', { name: /your name/i }), input.displayName);
    await user.click(screen.getByRole('combobox', { name: /career stage/i }));
    await user.click(await screen.findByRole('option', { name: 'Resident' }));
    await user.click(screen.getByRole('combobox', { name: /institution/i }));
    await user.click(await screen.findByRole('option', { name: /Leeds/ }));
    await user.click(screen.getByRole('button', { name: 'Join' }));
    const password = passwordField();
    await waitFor(() => expect(password).toHaveAccessibleDescription(/too easy to guess/));
    expect(password).toHaveAttribute('aria-invalid', 'true');
  });
});
