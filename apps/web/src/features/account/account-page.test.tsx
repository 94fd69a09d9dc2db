import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../testing/render';
import { ChangePasswordForm } from './account-page';
import { ChangePasswordDocument } from './operations';

/** A password input has no ARIA role; found by its label. */
const passwordField = (label: RegExp) => screen.getByLabelText(label, { selector: 'input' });

describe('change password form', () => {
  it('names each problem at its field before asking the server', async () => {
    const user = userEvent.setup();
    renderPage(<ChangePasswordForm />);
    await user.type(passwordField(/^new password(?! again)/i), 'onlyletterslong');
    await user.type(passwordField(/new password again/i), 'something else');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    const current = passwordField(/current password/i);
    expect(current).toHaveAccessibleDescription(/Required/);
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(passwordField(/^new password(?! again)/i)).toHaveAccessibleDescription(/one letter and one digit/);
    expect(passwordField(/new password again/i)).toHaveAccessibleDescription(/differ/);
    await waitFor(() => expect(current).toHaveFocus());
  });

  it("shows the server's strength refusal at the new password, and the count of other sessions ended", async () => {
    const user = userEvent.setup();
    const weak = { currentPassword: 'old password 1', newPassword: 'password1234' };
    const strong = { currentPassword: 'old password 1', newPassword: 'violet harbour 42 lantern' };
    const refused = {
      request: { query: ChangePasswordDocument, variables: { input: weak } },
      result: {
        errors: [
          new GraphQLError('input.newPassword: is too easy to guess', {
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [
                { field: 'input.newPassword', rule: 'passwordStrength', message: 'is too easy to guess' },
              ],
            },
          }),
        ],
      },
    };
    const changed = {
      request: { query: ChangePasswordDocument, variables: { input: strong } },
      result: { data: { changePassword: 2 } },
    };
    renderPage(<ChangePasswordForm />, [refused, changed]);
    await user.type(passwordField(/current password/i), weak.currentPassword);
    await user.type(passwordField(/^new password(?! again)/i), weak.newPassword);
    await user.type(passwordField(/new password again/i), weak.newPassword);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() =>
      expect(passwordField(/^new password(?! again)/i)).toHaveAccessibleDescription(/too easy to guess/),
    );
    await user.clear(passwordField(/^new password(?! again)/i));
    await user.type(passwordField(/^new password(?! again)/i), strong.newPassword);
    await user.clear(passwordField(/new password again/i));
    await user.type(passwordField(/new password again/i), strong.newPassword);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('status')).toHaveTextContent('2 other sessions were signed out');
  });
});
