export const homeMessages = {
  title: 'Welcome to Praxis',
  intro:
    'A community of practice for research in medical education: find mentors and peer groups, enter research competitions, judge entries.',
  welcome: (name: string) => `Welcome, ${name}`,
  welcomeIntro: 'Choose where to go from the navigation.',
  signIn: 'Sign in',
  register: 'Join Praxis',
} as const;
