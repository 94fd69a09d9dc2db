/** The application frame's text: navigation, header, guards. */
export const navMessages = {
  home: 'Home',
  profile: 'Your profile',
  demographics: 'Equality questions',
  signIn: 'Sign in',
  register: 'Join Praxis',
  signOut: 'Sign out',
  menu: 'Navigation',
  toggleMenu: 'Open or close the navigation',
  groups: {
    you: 'You',
    apply: 'Competitions',
    judge: 'Judging',
    mentoring: 'Mentoring',
    admin: 'Administration',
    lead: 'Your institution',
  },
  notAllowed: 'This page is for members with another role.',
  signedInAs: (name: string) => `Signed in as ${name}`,
} as const;
