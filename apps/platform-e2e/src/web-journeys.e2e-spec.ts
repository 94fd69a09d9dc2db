import type { Browser } from 'playwright-core';
import { waitFor } from '@praxis/platform/testing';
import {
  ADMIN,
  adminSession,
  awaitingReplication,
  confirmRegistration,
  gql,
  gqlOk,
} from './support/platform';
import { checkPage, launchBrowser, newPerson, recordMeasurement, WEB_ORIGIN } from './support/browser';

const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const CREATE_INSTITUTION = `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`;
const REGISTER = `mutation R($input: RegisterInput!) { register(input: $input) { token member { id } } }`;
const CREATE_COMPETITION = `mutation C($input: CreateCompetitionInput!) { createCompetition(input: $input) { id } }`;
const OPEN_COMPETITION = `mutation O($id: ID!) { openCompetition(id: $id) { phase } }`;
const PASSWORD = 'a web passphrase for tests 9';

/**
 * The web client in a real browser (Debian's Chromium through playwright-core) against the platform started as
 * `npm start` starts it, which builds the client and serves it on the gateway's origin.
 */
describe('web client in a browser', () => {
  let browser: Browser;
  // signs in again before the token expires: a suite can outlast the 5 minutes one token lives
  const adminToken = adminSession();
  const institutions: Record<string, string> = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    for (const name of ['Leeds Teaching Hospitals', 'University of Glasgow', 'Cardiff University'])
      institutions[name] = (
        await gqlOk<{ createInstitution: { id: string } }>(
          CREATE_INSTITUTION,
          { input: { name, country: 'GB' } },
          adminToken,
        )
      ).createInstitution.id;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a clinician registers, sees their profile, signs out and signs in again; the session survives a reload', async () => {
    const { context, page } = await newPerson(browser);
    const email = `web.clinician.${Date.now()}@example.org`;
    const password = PASSWORD;

    const started = Date.now();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    recordMeasurement('firstPageInteractiveMs', Date.now() - started);
    recordMeasurement(
      'firstPageDomInteractiveMs',
      await page.evaluate<number>("Math.round(performance.getEntriesByType('navigation')[0].domInteractive)"),
    );
    await checkPage(page, 'home', 'Welcome to Praxis');

    await page.getByRole('link', { name: 'Join Praxis' }).first().click();
    await checkPage(page, 'register', 'Join Praxis');
    // the server's field errors reach the field: a weak password
    await page.getByLabel('E-mail address').fill(email);
    const passwordField = page.getByRole('textbox', { name: 'Password' });
    await passwordField.fill('password1234');
    await page.getByLabel('Your name').fill('Amara Okafor');
    await page.getByRole('combobox', { name: 'Career stage' }).click();
    await page.getByRole('option', { name: 'Resident' }).click();
    await page.getByRole('combobox', { name: 'Institution' }).fill('Leeds');
    await page.getByRole('option', { name: /Leeds Teaching Hospitals/ }).click();
    await page.getByRole('combobox', { name: 'Research interests' }).fill('simulation');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByText('too easy to guess').waitFor();
    expect(await passwordField.getAttribute('aria-invalid')).toBe('true');
    // the error is tied to the field and focus moved there
    const describedBy = (await passwordField.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toMatch(
      /too easy to guess/,
    );
    await page.waitForFunction(`document.activeElement?.getAttribute('data-path') === 'password'`);
    await passwordField.fill(password);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome, Amara Okafor' }).waitFor();

    // the access token lives in memory only; the refresh cookie is httpOnly, out of every script's reach
    const refresh = (await context.cookies(`${WEB_ORIGIN}/graphql`)).find(
      (cookie) => cookie.name === 'praxis_refresh',
    );
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });
    const storage = await page.evaluate<string>('JSON.stringify([localStorage, sessionStorage])');
    expect(storage).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT
    expect(storage).not.toContain(refresh?.value);
    expect(await page.evaluate('document.cookie')).toBe('');

    await page.getByRole('link', { name: 'Your profile' }).click();
    await page.getByTestId('profile-name').getByText('Amara Okafor').waitFor();
    await page.getByText(email).waitFor();
    await checkPage(page, 'profile', 'Your profile');

    // the voluntary questions: why they are asked, aggregate only, "prefer not to say" everywhere
    await page.getByRole('navigation').getByRole('link', { name: 'Equality questions' }).click();
    await checkPage(page, 'demographics', 'Voluntary equality questions');
    await page.getByText('only ever reported as totals').waitFor();
    expect(await page.getByRole('radio', { name: 'Prefer not to say' }).count()).toBe(4);
    await page.getByRole('radio', { name: 'Woman' }).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByText('Your answers are saved.').waitFor();
    await page.getByRole('button', { name: 'Erase my answers' }).waitFor();

    // a reload keeps the session: the cookie is swapped for a new access token
    // and only the member reads their answers back
    await page.reload();
    await page.getByRole('heading', { name: 'Voluntary equality questions' }).waitFor();
    await page.getByRole('radio', { name: 'Woman', checked: true }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkPage(page, 'sign-in', 'Sign in');
    // signed out for real: a protected page sends the person to sign in
    await page.goto('/profile');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('profile-name').getByText('Amara Okafor').waitFor();
    await context.close();
  });

  /** An open blind competition (two weighted criteria, inter-institutional teams) that closes in an hour. */
  async function openCompetition(title: string, now: number): Promise<string> {
    const competitionId = (
      await gqlOk<{ createCompetition: { id: string } }>(
        CREATE_COMPETITION,
        {
          input: {
            title,
            description: 'Projects on simulation in surgical education.',
            opensAt: new Date(now - 60_000).toISOString(),
            closesAt: new Date(now + 3_600_000).toISOString(),
            judgingEndsAt: new Date(now + 7_200_000).toISOString(),
            criteria: [
              { name: 'Originality', guidance: 'Is the idea new?', weight: 2, scaleMin: 1, scaleMax: 5 },
              { name: 'Feasibility', guidance: 'Can the team do it?', weight: 1, scaleMin: 1, scaleMax: 5 },
            ],
            reviewsPerEntry: 1,
            judgeMaxLoad: 5,
            winnersCount: 1,
            blind: true,
            fundingAvailableMoney: { amountMinor: 500_000, currency: 'GBP' },
            eligibility: { requiresInterInstitutionalTeam: true, maxTeamSize: 4 },
          },
        },
        adminToken,
      )
    ).createCompetition.id;
    await gqlOk(OPEN_COMPETITION, { id: competitionId }, adminToken);
    return competitionId;
  }

  /** A member registered through the API (the first journey covers registration in the page), then signed in. */
  async function signedIn(name: string, institution: string) {
    const email = `${name.split(' ')[0].toLowerCase()}.${Date.now()}@example.org`;
    const { register: registered } = await gqlOk<{ register: { member: { id: string } } }>(REGISTER, {
      input: {
        email,
        password: PASSWORD,
        displayName: name,
        careerStage: 'RESIDENT',
        institutionId: institutions[institution],
      },
    });
    // the admin confirms their institution, without which it counts for no inter-institutional team
    await confirmRegistration(registered.member.id, adminToken);
    const person = await newPerson(browser);
    await person.page.goto('/sign-in');
    await person.page.getByLabel('E-mail address').fill(email);
    await person.page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await person.page.getByRole('button', { name: 'Sign in' }).click();
    await person.page.getByRole('heading', { name: `Welcome, ${name}` }).waitFor();
    return person;
  }

  it('an applicant drafts a proposal, invites a co-applicant from another institution who accepts, sees the eligibility error, then submits', async () => {
    const now = Date.now();
    const title = `Simulation in surgical training ${now}`;
    await openCompetition(title, now);
    const lead = await signedIn(`Amara Lead ${now}`, 'Leeds Teaching Hospitals');
    const coApplicant = await signedIn(`Bruno Costa ${now}`, 'University of Glasgow');
    const page = lead.page;

    await page.getByRole('navigation').getByRole('link', { name: 'Open competitions' }).click();
    await checkPage(page, 'competitions', 'Research competitions');
    await page.getByRole('link', { name: `Read about ${title}` }).click();
    await checkPage(page, 'competition', title);
    // the rubric with its weights and the eligibility rules in words
    await page.getByRole('rowheader', { name: 'Originality' }).waitFor();
    await page.getByRole('cell', { name: '67 %' }).waitFor();
    await page.getByText('at least two different institutions').waitFor();

    await page.getByRole('link', { name: 'Start a proposal' }).click();
    await page.getByRole('heading', { name: 'New proposal' }).waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill('Low-cost laparoscopic trainers');
    await page.getByRole('textbox', { name: 'Summary' }).fill('We build and evaluate cheap box trainers.');
    await page.getByRole('button', { name: 'Research' }).click();
    await page.getByRole('textbox', { name: 'Aims' }).fill('Show that cheap trainers teach as well.');
    await page.getByRole('textbox', { name: 'Methods' }).fill('A randomised trial with 40 residents.');
    await page.getByRole('textbox', { name: 'Expected impact' }).fill('More practice for more residents.');
    // autosaved: the draft gets its own address
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    await checkPage(page, 'proposal-editor', 'Low-cost laparoscopic trainers');

    await page.getByRole('button', { name: 'Team' }).click();
    await page.getByRole('searchbox', { name: 'Find people to invite by name' }).fill('Bruno');
    await page.getByRole('button', { name: `Invite Bruno Costa ${now}` }).click();
    await page.getByText('Invited, waiting').waitFor();

    // not eligible yet: explained before submitting, and the server's reason when submitted anyway
    await page.getByRole('button', { name: 'Review and submit' }).click();
    await page.getByText('must come from at least two different institutions').waitFor();
    await page.getByRole('button', { name: 'Submit proposal' }).click();
    await page
      .getByRole('alert')
      .getByText(/inter-institutional team/)
      .waitFor();

    await coApplicant.page.getByRole('navigation').getByRole('link', { name: 'Your proposals' }).click();
    await checkPage(coApplicant.page, 'my-proposals', 'Your proposals');
    await coApplicant.page.getByRole('button', { name: 'Accept' }).click();
    await coApplicant.page.getByText('You joined the team.').waitFor();

    await page.reload();
    await page.getByRole('button', { name: 'Review and submit' }).click();
    await page.getByText('Your team meets the competition’s rules.').waitFor();
    await page.getByRole('button', { name: 'Submit proposal' }).click();
    await page.getByText('Your proposal is submitted.').waitFor();
    await page.getByText(/Version 1/).waitFor();
    await checkPage(page, 'proposal-submitted', 'Low-cost laparoscopic trainers');
    await lead.context.close();
    await coApplicant.context.close();
  });

  it('an admin starts judging and assigns, a judge scores a blind entry without seeing who wrote it, the admin reads the ranking and publishes, the applicant reads the result', async () => {
    const now = Date.now();
    const competitionId = await openCompetition(`Blind judging ${now}`, now);
    const register = async (name: string, institution: string) => {
      const email = `${name.split(' ')[0].toLowerCase()}.${now}@example.org`;
      const { register: registered } = await gqlOk<{ register: { token: string; member: { id: string } } }>(
        REGISTER,
        {
          input: {
            email,
            password: PASSWORD,
            displayName: name,
            careerStage: 'RESIDENT',
            institutionId: institutions[institution],
          },
        },
      );
      await confirmRegistration(registered.member.id, adminToken);
      return { email, token: registered.token, id: registered.member.id };
    };
    const lead = await register(`Chiara Applicant ${now}`, 'Leeds Teaching Hospitals');
    const partner = await register(`Dmitri Partner ${now}`, 'University of Glasgow');
    const judge = await register(`Esther Judge ${now}`, 'Cardiff University');
    // the entry, through the API (the second journey drives the editor)
    const proposalId = (
      await gqlOk<{ saveProposalDraft: { id: string } }>(
        `mutation S($input: SaveProposalDraftInput!) { saveProposalDraft(input: $input) { id } }`,
        {
          input: {
            competitionId,
            title: 'Peer-led suturing clinics',
            summary: 'Residents teach students to suture.',
            aims: 'Better suturing.',
            methods: 'A cohort study.',
            expectedImpact: 'Confident students.',
            keywords: ['simulation'],
            leadApplicantId: lead.id,
            teamMemberIds: [partner.id],
            requestedFunding: 1200,
            requestedHours: 20,
          },
        },
        lead.token,
      )
    ).saveProposalDraft.id;
    await gqlOk(
      `mutation A($id: ID!) { acceptTeamInvitation(proposalId: $id) { status } }`,
      { id: proposalId },
      partner.token,
    );
    // proposals hears of the registrations and their confirmation through events: ask again until it has
    await waitFor(
      async () => {
        const response = await gql<{ submitProposal: { status: string } }>(
          `mutation S($id: ID!) { submitProposal(id: $id) { status } }`,
          { id: proposalId },
          lead.token,
        );
        const extensions = response.errors?.[0]?.extensions as
          { failures?: Array<{ rule: string; message?: string }> } | undefined;
        const failures = extensions?.failures ?? [];
        if (response.errors && !awaitingReplication(failures))
          throw new Error(JSON.stringify(response.errors));
        return response.data?.submitProposal.status === 'SUBMITTED';
      },
      { timeoutMs: 20000, intervalMs: 200, description: 'the entry submitted' },
    );
    // close the call, start judging, make the judge and assign
    const dates = (closesAt: number, judgingEndsAt: number) => ({
      id: competitionId,
      input: {
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(closesAt).toISOString(),
        judgingEndsAt: new Date(judgingEndsAt).toISOString(),
      },
    });
    const UPDATE_DATES = `mutation D($id: ID!, $input: CompetitionDatesInput!) { updateCompetitionDates(id: $id, input: $input) { id } }`;
    const closedAt = Date.now() - 1000;
    await gqlOk(UPDATE_DATES, dates(closedAt, Date.now() + 3_600_000), adminToken);
    // the admin starts judging in the page
    const admin = await newPerson(browser);
    admin.page.on('dialog', (dialog) => void dialog.accept());
    await admin.page.goto('/sign-in');
    await admin.page.getByLabel('E-mail address').fill(ADMIN.email);
    await admin.page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await admin.page.getByRole('button', { name: 'Sign in' }).click();
    await admin.page.getByRole('navigation').getByRole('link', { name: 'Run competitions' }).click();
    await checkPage(admin.page, 'admin-competitions', 'Competitions');
    await admin.page.getByRole('link', { name: `Manage Blind judging ${now}` }).click();
    await admin.page.getByRole('button', { name: 'Start judging' }).click();
    await admin.page.getByRole('button', { name: 'Publish results' }).waitFor();
    await gqlOk(
      `mutation G($id: ID!) { grantRole(memberId: $id, role: JUDGE) { id } }`,
      { id: judge.id },
      adminToken,
    );
    // the role reaches proposals' member replica through Kafka
    await waitFor(
      async () =>
        (
          await gql(
            `mutation P($c: ID!, $m: ID!) { addJudge(competitionId: $c, memberId: $m) { addedAt } }`,
            { c: competitionId, m: judge.id },
            adminToken,
          )
        ).errors === undefined,
      { timeoutMs: 30000, intervalMs: 200, description: 'judge added to the pool' },
    );
    // the admin runs the assignment and sees its load band
    await admin.page.reload();
    await admin.page.getByRole('button', { name: 'Assign judges' }).click();
    await admin.page.getByText('1 reviews assigned; each judge has between 1 and 1 entries.').waitFor();
    await checkPage(admin.page, 'admin-competition', `Blind judging ${now}`);
    // the conflicts and hand-reassignment page lists the assignment just made
    await admin.page.getByRole('link', { name: 'Conflicts and manual reassignment' }).click();
    // the review page first: until it is shown, the competition page's judging activity names the judge too
    await admin.page
      .getByRole('heading', { level: 1, name: `Conflicts and assignments: Blind judging ${now}` })
      .waitFor();
    await admin.page.getByRole('cell', { name: `Esther Judge ${now}`, exact: true }).waitFor();
    await checkPage(admin.page, 'admin-review', `Conflicts and assignments: Blind judging ${now}`);
    await admin.page.goBack();
    await admin.page.getByRole('heading', { level: 1, name: `Blind judging ${now}` }).waitFor();

    const judgeView = await newPerson(browser);
    const page = judgeView.page;
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(judge.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Your assignments' }).click();
    await checkPage(page, 'judge-assignments', 'Your judging assignments');
    await page.getByText('0 of 1 scored').waitFor();
    await page.getByRole('link', { name: 'Score "Peer-led suturing clinics"' }).click();
    await checkPage(page, 'judge-entry', 'Peer-led suturing clinics');
    await page.getByText('who wrote this entry is hidden').waitFor();
    const text = await page.locator('body').innerText();
    for (const identity of [
      `Chiara Applicant ${now}`,
      `Dmitri Partner ${now}`,
      'Leeds Teaching Hospitals',
      lead.email,
    ])
      expect(text).not.toContain(identity);
    // each criterion with its range, weight and guidance
    const originality = page.getByRole('textbox', { name: 'Originality' });
    await page.getByText('1 to 5; weight 67 %. Is the idea new?').waitFor();
    await originality.fill('4');
    await page.getByRole('button', { name: 'Save scores' }).click();
    // a missing score is named at its field, and focus goes there
    await page.getByText('Give a score').waitFor();
    expect(await page.getByRole('textbox', { name: 'Feasibility' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await page.getByRole('textbox', { name: 'Feasibility' }).fill('5');
    await page
      .getByRole('textbox', { name: 'Comment for the applicants' })
      .fill('A practical, well-argued plan.');
    await page.getByRole('button', { name: 'Save scores' }).click();
    await page.getByText('Your scores are saved.').waitFor();
    await page.getByRole('link', { name: 'Back to your assignments' }).click();
    await page.getByText('1 of 1 scored').waitFor();
    await judgeView.context.close();

    // judging ends; the admin reads the ranking and publishes
    await gqlOk(UPDATE_DATES, dates(closedAt, Date.now() - 500), adminToken);
    await admin.page.reload();
    await admin.page.getByRole('rowheader', { name: 'Peer-led suturing clinics' }).waitFor();
    await admin.page.getByText('Provisional').waitFor();
    await admin.page.getByRole('button', { name: 'Publish results' }).click();
    await admin.page.getByText('Published.').waitFor();
    await checkPage(admin.page, 'admin-ranking', `Blind judging ${now}`);
    await admin.context.close();

    const applicant = await newPerson(browser);
    await applicant.page.goto('/sign-in');
    await applicant.page.getByLabel('E-mail address').fill(lead.email);
    await applicant.page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await applicant.page.getByRole('button', { name: 'Sign in' }).click();
    await applicant.page.getByRole('navigation').getByRole('link', { name: 'Your proposals' }).click();
    await applicant.page.getByRole('link', { name: 'Peer-led suturing clinics' }).click();
    await applicant.page.getByText('Ranked 1').waitFor();
    await applicant.page.getByText('A practical, well-argued plan.').waitFor();
    await applicant.page.getByText('Reviewer 1').waitFor();
    await checkPage(applicant.page, 'proposal-result', 'Peer-led suturing clinics');
    await applicant.context.close();
  });

  it('a mentee asks a suggested mentor, who accepts; they log a check-in', async () => {
    const now = Date.now();
    const mentorName = `Farah Mentor ${now}`;
    const { register: mentor } = await gqlOk<{ register: { token: string; member: { id: string } } }>(
      REGISTER,
      {
        input: {
          email: `farah.${now}@example.org`,
          password: PASSWORD,
          displayName: mentorName,
          careerStage: 'CONSULTANT',
          institutionId: institutions['University of Glasgow'],
          interests: ['simulation'],
        },
      },
    );
    await gqlOk(
      `mutation G($id: ID!) { grantRole(memberId: $id, role: MENTOR) { id } }`,
      { id: mentor.member.id },
      adminToken,
    );
    const mentorToken = (
      await gqlOk<{ login: { token: string } }>(LOGIN, {
        email: `farah.${now}@example.org`,
        password: PASSWORD,
      })
    ).login.token;
    // the role and the member reach mentorship's replica through Kafka
    await waitFor(
      async () =>
        (
          await gql(
            `mutation M($input: MentorProfileInput!) { upsertMentorProfile(input: $input) { capacity } }`,
            { input: { capacity: 3, expertise: ['simulation'], interests: ['simulation'] } },
            mentorToken,
          )
        ).errors === undefined,
      { timeoutMs: 30000, intervalMs: 200, description: 'mentor profile saved' },
    );

    const mentee = await signedIn(`Gita Mentee ${now}`, 'Leeds Teaching Hospitals');
    await mentee.page.getByRole('navigation').getByRole('link', { name: 'Mentoring' }).click();
    await checkPage(mentee.page, 'mentoring', 'Mentoring');
    await mentee.page.getByRole('combobox', { name: 'Interests to match on' }).fill('simulation');
    await mentee.page.keyboard.press('Enter');
    // the new member reaches mentorship's replica through Kafka: until then saving is refused, in words (and
    // saved or refused, the answer shows at once: no waiting out a timeout for a confirmation that cannot come)
    const saved = mentee.page.getByText('Saved.').first();
    const refused = mentee.page.getByText(/not replicated yet/).first();
    await waitFor(
      async () => {
        await mentee.page.getByRole('button', { name: 'Save' }).first().click();
        await saved
          .or(refused)
          .first()
          .waitFor({ timeout: 3000 })
          .catch(() => undefined);
        return saved.isVisible();
      },
      { timeoutMs: 45000, intervalMs: 250, description: 'mentee profile saved' },
    );
    await mentee.page.getByRole('heading', { name: mentorName }).waitFor({ timeout: 60000 });
    await mentee.page
      .getByRole('textbox', { name: `Message to ${mentorName}` })
      .fill('Could you guide my first simulation study?');
    await mentee.page.getByRole('button', { name: `Ask ${mentorName}` }).click();
    await mentee.page.getByText('Your request is sent.').waitFor();
    await mentee.page.getByRole('link', { name: `${mentorName} mentors you` }).waitFor();

    const mentorView = await newPerson(browser);
    await mentorView.page.goto('/sign-in');
    await mentorView.page.getByLabel('E-mail address').fill(`farah.${now}@example.org`);
    await mentorView.page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await mentorView.page.getByRole('button', { name: 'Sign in' }).click();
    await mentorView.page.getByRole('navigation').getByRole('link', { name: 'Mentoring' }).click();
    await mentorView.page.getByRole('link', { name: `You mentor Gita Mentee ${now}` }).click();
    await mentorView.page.getByText('Could you guide my first simulation study?').waitFor();
    await mentorView.page.getByRole('button', { name: 'Accept' }).click();
    await mentorView.page.getByText('Active').first().waitFor();
    await mentorView.context.close();

    await mentee.page.reload();
    await mentee.page.getByRole('link', { name: `${mentorName} mentors you` }).click();
    await checkPage(mentee.page, 'relationship', `With ${mentorName}`);
    await mentee.page
      .getByRole('textbox', { name: 'Progress since last time' })
      .fill('Drafted the study protocol.');
    await mentee.page.getByRole('textbox', { name: 'Next steps' }).fill('Ethics application.');
    await mentee.page.getByRole('button', { name: 'Log check-in' }).click();
    await mentee.page.getByText('Check-in logged.').waitFor();
    await mentee.page.getByText('Drafted the study protocol.').waitFor();
    expect(await mentee.page.getByText('At risk').count()).toBe(0);
    await mentee.context.close();
  });
});
