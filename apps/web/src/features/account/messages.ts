/** Your account: password change, password reset, signing out everywhere. */
export const accountMessages = {
  title: 'Account and security',
  intro: 'Change your password, or sign out of Praxis on every browser and device.',
  changePasswordTitle: 'Change your password',
  changePasswordHint:
    'Every other browser or device signed in as you is signed out; this one stays signed in.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'New password again',
  passwordHint:
    '12 to 128 characters with a letter and a digit, and hard to guess: not your name or e-mail, not a common phrase.',
  changePassword: 'Change password',
  passwordChanged: (others: number) =>
    others === 0
      ? 'Your password is changed.'
      : `Your password is changed; ${others} other ${others === 1 ? 'session was' : 'sessions were'} signed out.`,
  everywhereTitle: 'Sign out everywhere',
  everywhereHint:
    'Ends every session of yours, on this browser and on any other, for example a shared computer you forgot to sign out of.',
  everywhere: 'Sign out everywhere',
  forgotLink: 'Forgot your password?',
  forgotTitle: 'Reset your password',
  forgotIntro: 'Enter the e-mail address you joined with and we will send you a link to set a new password.',
  sendLink: 'Send the link',
  linkSent:
    'If this address belongs to a member, a link is on its way. It works once, for one hour; a newer link replaces it.',
  resetTitle: 'Set a new password',
  resetIntro: 'Choose a new password. Every session of yours ends, so you sign in again afterwards.',
  setPassword: 'Set password',
  resetDone: 'Your password is set. Sign in with it.',
  noToken: 'This address has no reset link in it. Ask for a new link.',
  askAgain: 'Ask for a new link',
  backToSignIn: 'Back to sign in',
  required: 'Required',
  invalidEmail: 'Enter an e-mail address such as name@hospital.org',
  passwordTooShort: 'At least 12 characters',
  passwordNeedsLetterAndDigit: 'Needs at least one letter and one digit',
  passwordTooLong: 'At most 128 characters',
  passwordsDiffer: 'The two new passwords differ',
  sameAsCurrent: 'Choose a password other than your current one',
} as const;
