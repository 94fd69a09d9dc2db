import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '@praxis/platform/testing';
import { ADMIN, adminSession, gql, gqlOk, setCommunityClock, sharedPlatform } from './support/platform';
import { checkPage, launchBrowser, newPerson } from './support/browser';

const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const CREATE_INSTITUTION = `mutation C($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }`;
const REGISTER = `mutation R($input: RegisterInput!) { register(input: $input) { member { id } } }`;
const CREATE_COMMUNITY = `mutation C($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const CREATE_PROGRAMME = `mutation P($input: CreateProgrammeInput!) { createProgramme(input: $input) { id sessions { id startsAt } } }`;
const SELECT = `mutation S($id: ID!) { selectApplicants(programmeId: $id, policy: FIRST_COME) { accepted } }`;
const SESSION_CODES = `query Q($id: ID!) { programme(id: $id) { sessions { sessionCode } } }`;
const CREATE_GROUP = `mutation G($input: CreateMastermindGroupInput!) { createMastermindGroup(input: $input) { id } }`;
const CREATE_WORKSHOP = `mutation W($input: CreateWorkshopInput!) { createCoachingWorkshop(input: $input) { id } }`;
const GRANT_ROLE = `mutation G($m: ID!, $role: Role!) { grantRole(memberId: $m, role: $role) { id } }`;
const MENTOR_PROFILE = `mutation M($input: MentorProfileInput!) { upsertMentorProfile(input: $input) { capacity } }`;
const SUGGESTIONS = `query S { mentorSuggestions(first: 1) { mentor { id } } }`;
const RUN_MATCHING = `mutation R($input: RunMatchingInput!) { runMatching(input: $input) { id proposals { mentee { id } mentor { id } } } }`;
const PASSWORD = 'a member passphrase for tests 7';

/**
 * The member's pages of the web client in a real browser: account security (password change ends the other
 * session, the reset link, sign out everywhere) and a programme from application to self check-in.
 */
describe('web client: account and community pages in a browser', () => {
  let browser: Browser;
  // signs in again before the token expires: a suite can outlast the 5 minutes one token lives
  const adminToken = adminSession();
  let institutionId: string;

  const register = async (email: string, displayName: string) =>
    gqlOk(REGISTER, {
      input: {
        email,
        password: PASSWORD,
        displayName,
        careerStage: 'RESIDENT',
        institutionId,
        interests: [],
      },
    });

  const signIn = async (page: Page, email: string, password: string) => {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    institutionId = (
      await gqlOk<{ createInstitution: { id: string } }>(
        CREATE_INSTITUTION,
        { input: { name: 'Sheffield Medical School', country: 'GB' } },
        adminToken,
      )
    ).createInstitution.id;
  });

  afterAll(async () => {
    await browser?.close();
    // the platform is shared: community's clock back to the system time even when a test stopped half-way
    await setCommunityClock((await gqlOk<{ login: { token: string } }>(LOGIN, ADMIN)).login.token, null);
  });

  it('a password change ends the other session; a reset link sets a new one; sign out everywhere ends them all', async () => {
    const email = `web.account.${Date.now()}@example.org`;
    await register(email, 'Nadia Rahman');
    const laptop = await newPerson(browser);
    const phone = await newPerson(browser);
    await signIn(laptop.page, email, PASSWORD);
    await signIn(phone.page, email, PASSWORD);

    await laptop.page.getByRole('navigation').getByRole('link', { name: 'Account and security' }).click();
    await checkPage(laptop.page, 'account', 'Account and security');
    const changed = 'kestrel orchard 58 lantern';
    await laptop.page.getByLabel('Current password').fill(PASSWORD);
    await laptop.page.getByRole('textbox', { name: 'New password', exact: true }).fill(changed);
    await laptop.page.getByLabel('New password again').fill(changed);
    await laptop.page.getByRole('button', { name: 'Change password' }).click();
    // the phone's session and the one registration opened
    await laptop.page.getByText('2 other sessions were signed out').waitFor();

    // the phone's session ended: a reload finds no session to continue
    await phone.page.goto('/profile');
    await checkPage(phone.page, 'sign-in-after-change', 'Sign in');

    await phone.page.getByRole('link', { name: 'Forgot your password?' }).click();
    await checkPage(phone.page, 'forgot-password', 'Reset your password');
    await phone.page.getByLabel('E-mail address').fill(email);
    await phone.page.getByRole('button', { name: 'Send the link' }).click();
    await phone.page.getByText('If this address belongs to a member').waitFor();
    // the development delivery writes the link to membership's log
    const link = await waitFor(
      () => {
        const line = readFileSync(sharedPlatform().logFile, 'utf8')
          .split('\n')
          .find((entry) => entry.includes('password reset link') && entry.includes(email));
        return line ? (/"resetUrl":"([^"]+)"/.exec(line)?.[1] ?? false) : false;
      },
      { timeoutMs: 10000, description: 'the reset link in the log' },
    );
    const { pathname, search } = new URL(link);
    await phone.page.goto(pathname + search);
    await checkPage(phone.page, 'reset-password', 'Set a new password');
    const reset = 'heron quarry 31 velvet';
    await phone.page.getByRole('textbox', { name: 'New password', exact: true }).fill(reset);
    await phone.page.getByLabel('New password again').fill(reset);
    await phone.page.getByRole('button', { name: 'Set password' }).click();
    await phone.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signIn(phone.page, email, reset);

    // the reset ended the laptop's session too
    await laptop.page.reload();
    await laptop.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signIn(laptop.page, email, reset);

    await phone.page.goto('/account');
    await phone.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await phone.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // the laptop's new session ended too: a member page sends it to sign in
    await laptop.page.goto('/account');
    await laptop.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await laptop.context.close();
    await phone.context.close();
  }, 300_000);

  it('an admin grants a role and opens the matching and supervision pages; a member opens workshops and Mastermind groups', async () => {
    const now = Date.now();
    const email = `web.mentor.${now}@example.org`;
    const priya = (await register(email, 'Priya Raman')) as { register: { member: { id: string } } };
    const admin = await newPerson(browser);
    await signIn(admin.page, ADMIN.email, ADMIN.password);
    await admin.page.getByRole('navigation').getByRole('link', { name: 'Institutions and roles' }).click();
    await checkPage(admin.page, 'admin-institutions', 'Institutions and roles');
    await admin.page.getByLabel('Find a member by name').fill('Priya Ram');
    await admin.page.getByRole('combobox', { name: 'Role to grant to Priya Raman' }).click();
    await admin.page.getByRole('option', { name: 'Mentor' }).click();
    await admin.page.getByRole('button', { name: 'Grant', exact: true }).click();
    await admin.page.getByRole('button', { name: 'Revoke Mentor' }).waitFor();
    await admin.page.getByRole('navigation').getByRole('link', { name: 'Matching runs' }).click();
    await checkPage(admin.page, 'admin-matching', 'Formal matching runs');
    await admin.page.getByRole('navigation').getByRole('link', { name: 'Supervision proposals' }).click();
    await checkPage(admin.page, 'admin-supervision', 'Supervision proposals');
    await admin.context.close();

    // a Mastermind group she facilitates and a coaching workshop she coaches, formed by the admin
    const others: string[] = [];
    for (const index of [1, 2, 3])
      others.push(
        (
          (await register(`web.group.${index}.${now}@example.org`, `Group Member ${index} ${now}`)) as {
            register: { member: { id: string } };
          }
        ).register.member.id,
      );
    const groupName = `Ward teachers ${now}`;
    const group = { name: groupName, facilitatorId: priya.register.member.id, memberIds: others };
    // the members reach mentorship's member replica through Kafka
    const groupId = await waitFor(
      async () => {
        const answer = await gql<{ createMastermindGroup: { id: string } }>(
          CREATE_GROUP,
          { input: group },
          adminToken,
        );
        return answer.errors === undefined && answer.data?.createMastermindGroup.id;
      },
      { timeoutMs: 30000, intervalMs: 200, description: 'Mastermind group formed' },
    );
    const workshopTitle = `Interview practice ${now}`;
    const workshopInput = {
      coachId: priya.register.member.id,
      coachGraduationYear: new Date().getUTCFullYear() - 2,
      title: workshopTitle,
      startsAt: new Date(now + 14 * 86_400_000).toISOString(),
    };
    // the coach reaches mentorship's member replica through Kafka
    const workshopId = await waitFor(
      async () => {
        const answer = await gql<{ createCoachingWorkshop: { id: string } }>(
          CREATE_WORKSHOP,
          { input: workshopInput },
          adminToken,
        );
        return answer.errors === undefined && answer.data?.createCoachingWorkshop.id;
      },
      { timeoutMs: 30000, intervalMs: 200, description: 'coaching workshop scheduled' },
    );

    const member = await newPerson(browser);
    await signIn(member.page, email, PASSWORD);
    await member.page.getByRole('navigation').getByRole('link', { name: 'Coaching workshops' }).click();
    await checkPage(member.page, 'workshops', 'Coaching workshops');
    await member.page.goto(`/mentoring/workshops/${workshopId}`);
    await checkPage(member.page, 'workshop', workshopTitle);
    await member.page.getByRole('navigation').getByRole('link', { name: 'Mastermind groups' }).click();
    await checkPage(member.page, 'mastermind', 'Mastermind groups');
    // its page (refused by the gateway's cost limit until its sessions were paged 20 at a time)
    await member.page.goto(`/mentoring/mastermind/${groupId}`);
    await checkPage(member.page, 'mastermind-group', groupName);
    await member.context.close();
  });

  it("an admin opens a formal matching run from its link, changes a pair's mentor from the keyboard and approves the run", async () => {
    const now = Date.now();
    const signUp = async (slug: string, name: string) => {
      const email = `web.match.${slug}.${now}@example.org`;
      const { register: registered } = (await register(email, name)) as {
        register: { member: { id: string } };
      };
      const token = (await gqlOk<{ login: { token: string } }>(LOGIN, { email, password: PASSWORD })).login
        .token;
      return { id: registered.member.id, name, token };
    };
    const mentees = [await signUp('ash', `Ash Mentee ${now}`), await signUp('birch', `Birch Mentee ${now}`)];
    const mentors = [
      await signUp('cedar', `Cedar Mentor ${now}`),
      await signUp('damson', `Damson Mentor ${now}`),
    ];
    for (const mentor of mentors) {
      await gqlOk(GRANT_ROLE, { m: mentor.id, role: 'MENTOR' }, adminToken);
      // mentorship accepts the profile once its member replica holds the role (through Kafka)
      await waitFor(
        async () => !(await gql(MENTOR_PROFILE, { input: { capacity: 2 } }, mentor.token)).errors?.length,
        { timeoutMs: 30000, intervalMs: 200, description: `${mentor.name} a mentor in mentorship` },
      );
    }
    for (const mentee of mentees)
      await waitFor(async () => !(await gql(SUGGESTIONS, {}, mentee.token)).errors?.length, {
        timeoutMs: 30000,
        intervalMs: 200,
        description: `${mentee.name} known to mentorship`,
      });
    const run = (
      await gqlOk<{
        runMatching: { id: string; proposals: Array<{ mentee: { id: string }; mentor: { id: string } }> };
      }>(
        RUN_MATCHING,
        { input: { menteeIds: mentees.map((m) => m.id), mentorIds: mentors.map((m) => m.id) } },
        adminToken,
      )
    ).runMatching;
    expect(run.proposals).toHaveLength(2);
    const [ash] = mentees;
    const ashMentorId = run.proposals.find((pair) => pair.mentee.id === ash.id)?.mentor.id;
    const [current, other] = mentors[0].id === ashMentorId ? mentors : [mentors[1], mentors[0]];

    const { page, context } = await newPerson(browser);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Matching runs' }).click();
    const link = page.locator(`a[href="/admin/matching/${run.id}"]`);
    await link.waitFor();
    await checkPage(page, 'admin-matching-runs', 'Formal matching runs');
    await link.click();
    // names come from membership through the pairs' member references
    const ashRow = page.getByRole('row').filter({ hasText: ash.name });
    await ashRow.getByText(current.name).waitFor();
    await page.getByRole('row').filter({ hasText: mentees[1].name }).waitFor();
    await checkPage(page, 'admin-matching-run', 'Formal matching runs');

    // another mentor for Ash, from the keyboard: the search opens focused, and the pick saves the pair
    await page.getByRole('button', { name: `Change the mentor for ${ash.name}` }).focus();
    await page.keyboard.press('Enter');
    const search = page.getByRole('searchbox', { name: `Another mentor for ${ash.name}` });
    const searchId = await search.getAttribute('id');
    await waitFor(async () => (await page.evaluate('document.activeElement?.id')) === searchId, {
      timeoutMs: 10000,
      description: 'focus in the mentor search',
    });
    await page.keyboard.type(other.name);
    await page.getByRole('button', { name: `Make ${other.name} the mentor` }).focus();
    await page.keyboard.press('Enter');
    await ashRow.getByText('changed by hand').waitFor();
    await ashRow.getByText(other.name).waitFor();

    // approval is held for a second on its way, so that its busy state shows
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('ApproveMatchRun'))
        await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Approve and start every pair' }).click();
    await page.getByRole('status').filter({ hasText: 'Starting relationships…' }).waitFor();
    await page.getByText('Approved: relationships started').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Approved pairs' }).waitFor();
    expect(await page.getByRole('button', { name: /Change the mentor/ }).count()).toBe(0);
    await checkPage(page, 'admin-matching-approved', 'Formal matching runs');
    await context.close();
  });

  it('a member joins a community, applies to a programme with the optional questions, and checks in with the session code', async () => {
    const email = `web.attendee.${Date.now()}@example.org`;
    // a token of its own: the earlier tests can outlast the one beforeAll took (5 minutes) on a loaded machine
    const admin = (await gqlOk<{ login: { token: string } }>(LOGIN, ADMIN)).login.token;
    await register(email, 'Tomasz Nowak');
    // the run's other suites (the demo's "Medical education research") share the list: this one by its full name
    const communityName = `Medical education ${Date.now()}`;
    const communityId = (
      await gqlOk<{ createCommunity: { id: string } }>(
        CREATE_COMMUNITY,
        { input: { name: communityName, description: 'Teaching on the wards.' } },
        admin,
      )
    ).createCommunity.id;
    // The session began a minute ago and runs two hours; applications closed when it began. The member applies
    // in the past: community's clock and the browser's are both set half an hour back, then put back to now.
    const now = Date.now();
    const starts = new Date(now - 60_000).toISOString();
    const past = new Date(now - 30 * 60_000);
    const programme = (
      await gqlOk<{ createProgramme: { id: string; sessions: { startsAt: string }[] } }>(
        CREATE_PROGRAMME,
        {
          input: {
            communityId,
            title: 'Masterclass in clinical teaching',
            description: 'Seven half-day sessions, online.',
            audience: ['RESIDENT', 'MEDICAL_STUDENT'],
            capacity: 30,
            mode: 'ONLINE',
            applicationOpensAt: new Date(now - 60 * 60_000).toISOString(),
            applicationClosesAt: starts,
            sessions: [
              {
                theme: 'Feedback that lands',
                startsAt: starts,
                timeZone: 'Europe/London',
                durationMinutes: 120,
                joiningLink: 'https://meet.example.org/feedback',
                speakers: [{ name: 'Dr Ada Obi', role: 'Consultant' }],
              },
            ],
          },
        },
        admin,
      )
    ).createProgramme;
    const { page, context } = await newPerson(browser);
    await setCommunityClock(admin, past);
    await context.clock.setSystemTime(past);
    await signIn(page, email, PASSWORD);

    await page.getByRole('navigation').getByRole('link', { name: 'Programmes' }).click();
    await checkPage(page, 'programmes', 'Programmes');
    await page.getByRole('link', { name: 'Masterclass in clinical teaching' }).first().click();
    await checkPage(page, 'programme-apply', 'Masterclass in clinical teaching');
    await page.getByText('seen by nobody but you').waitFor();
    await page.getByRole('button', { name: 'Apply' }).click();
    // the motivation is required, named at the field
    await page.getByText('Required').waitFor();
    await page
      .getByLabel('Why would you like to take part?')
      .fill('I supervise students on every ward round.');
    await page
      .getByRole('radiogroup', { name: /first in your family/ })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page
      .getByRole('radiogroup', { name: /disability/ })
      .getByRole('radio', { name: 'Prefer not to say' })
      .check();
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Applied: waiting for selection').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Communities' }).click();
    await checkPage(page, 'communities', 'Communities of practice');
    await page.getByRole('button', { name: `Join ${communityName}` }).click();
    await page.getByText('You are a member').waitFor();
    await page.getByRole('link', { name: communityName, exact: true }).click();
    await checkPage(page, 'community', communityName);

    await gqlOk(SELECT, { id: programme.id }, admin);
    const [{ sessionCode }] = (
      await gqlOk<{ programme: { sessions: { sessionCode: string }[] } }>(
        SESSION_CODES,
        { id: programme.id },
        admin,
      )
    ).programme.sessions;
    // back to the present: the session is running
    await setCommunityClock(admin, null);
    await context.clock.setSystemTime(new Date());
    await page.goto(`/programmes/${programme.id}`);
    await page.getByText('Place confirmed').waitFor();
    await page.getByRole('link', { name: 'Join the session' }).waitFor();
    await page.getByLabel('Session code').fill('ZZZZZZ');
    await page.getByRole('button', { name: 'Check in' }).click();
    // a wrong code is refused at the field
    await page.locator('[aria-invalid="true"]').waitFor();
    await page.getByLabel('Session code').fill(sessionCode.toLowerCase());
    await page.getByRole('button', { name: 'Check in' }).click();
    await page.getByText('Attended', { exact: true }).waitFor();
    await checkPage(page, 'programme-attended', 'Masterclass in clinical teaching');
    await page.goto('/certificates');
    await checkPage(page, 'certificates', 'Your certificates');

    // the public verification page needs no session
    await context.clearCookies();
    await page.goto('/verify-certificate/7K3Q-XW2M-9PDA-40RT-H');
    await checkPage(page, 'verify-certificate', 'Check a certificate');
    await page.getByText('No certificate has this code').waitFor();
    await context.close();
  }, 240_000);
});
