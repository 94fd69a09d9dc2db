import { loadDemo, type DemoSummary } from './demo/load';
import { parsePortBase, serviceByName, servicePort } from './services';

/**
 * `npm run demo`: loads seed-shaped demo data into a running platform through its gateway (see README, "Demo
 * data"). Reads PRAXIS_ADMIN_EMAIL / PRAXIS_ADMIN_PASSWORD (the ones the platform was started with) and
 * PRAXIS_GATEWAY_URL or PRAXIS_PORT_BASE to find the gateway (and the test clocks of community and funding,
 * PRAXIS_COMMUNITY_URL and PRAXIS_FUNDING_URL).
 */
export function gatewayUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PRAXIS_GATEWAY_URL) return env.PRAXIS_GATEWAY_URL;
  const port = servicePort(serviceByName('gateway'), parsePortBase(env.PRAXIS_PORT_BASE));
  return `http://localhost:${port}/graphql`;
}

/** Community's own base URL, for its test clock: PRAXIS_COMMUNITY_URL, else its port on PRAXIS_PORT_BASE. */
export function communityUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PRAXIS_COMMUNITY_URL) return env.PRAXIS_COMMUNITY_URL;
  return `http://localhost:${servicePort(serviceByName('community'), parsePortBase(env.PRAXIS_PORT_BASE))}`;
}

/** Funding's own base URL, for its test clock: PRAXIS_FUNDING_URL, else its port on PRAXIS_PORT_BASE. */
export function fundingUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PRAXIS_FUNDING_URL) return env.PRAXIS_FUNDING_URL;
  return `http://localhost:${servicePort(serviceByName('funding'), parsePortBase(env.PRAXIS_PORT_BASE))}`;
}

const hours = (value: number): string => `${Number(value.toFixed(2))} h`;

export function formatSummary(summary: DemoSummary, url: string): string {
  const lines: string[] = [];
  if (summary.alreadyLoaded) {
    lines.push(
      `The demo data is already there (${summary.institutions} of its institutions found at ${url}); nothing was changed.`,
      'To load it again, start the platform on fresh databases (e.g. PRAXIS_DB_PREFIX=praxis_demo2 npm start).',
    );
  } else {
    lines.push(`Loaded the demo into ${url}:`);
    lines.push(`  institutions        ${summary.institutions} (23 medical schools, 3 hospitals)`);
    lines.push(
      `  members             ${Object.entries(summary.members)
        .map(([stage, count]) => `${count} ${stage.toLowerCase().replace(/_/g, ' ')}`)
        .join(', ')}`,
    );
    lines.push(`  demographics        ${summary.demographicsAnswered} answered the voluntary questions`);
    for (const community of summary.communities) {
      lines.push(
        `  community           ${community.name}: ${community.members} members, ${community.announcements} announcements`,
      );
    }
    if (summary.programme) {
      const programme = summary.programme;
      lines.push(
        `  programme           ${programme.title}: ${programme.applications} applications, ` +
          `${programme.accepted} accepted, ${programme.waitlisted} waitlisted (PRIORITY_THEN_LOTTERY, seed "${programme.seed}"), ` +
          `${programme.firstSessionAttended} at the first session`,
      );
      if (programme.sessionsAttended.length > 1) {
        lines.push(
          `  registers           ${programme.sessionsAttended.join(', ')} (sessions 1-${programme.sessionsAttended.length}); ` +
            `${programme.reflections} anonymous reflections, ${programme.certificates} certificates`,
        );
      } else {
        lines.push(
          '  later sessions      not loaded: start the platform with COMMUNITY_TEST_CLOCK=true to load the whole series',
        );
      }
    }
    if (summary.mentorship) {
      const { pairs, mentors, mastermind, workshop } = summary.mentorship;
      lines.push(
        `  mentoring           ${pairs} pairs (students with ${mentors} mentors, requested and accepted)`,
      );
      lines.push(
        `  Mastermind group    ${mastermind.name}: ${mastermind.size} people, tagged ${mastermind.tags.join(', ')}`,
      );
      lines.push(
        `  coaching workshop   ${workshop.title} (${workshop.startsAt.slice(0, 10)}): ` +
          `${workshop.enrolled} enrolled, ${workshop.waitlisted} on the waitlist`,
      );
    }
    if (summary.competition) {
      const competition = summary.competition;
      lines.push(
        `  research competition ${competition.title}: ${competition.entries} inter-institutional entries, ` +
          `${competition.judges} judges, ${competition.reviews} reviews, results published`,
      );
      for (const winner of competition.winners) {
        lines.push(
          `  winner              ${winner.rank}. ${winner.title}: award of £${(winner.offeredMinor / 100).toFixed(2)} (${winner.outcome}, ${winner.awardStatus ?? 'not accepted'}), ${winner.supervisorId ? 'supervisor confirmed' : 'no supervisor available'}`,
        );
      }
    }
    if (summary.atRisk) {
      const { member, project, weeklyHours, weeks, episodeStartedWeek, leadEmail } = summary.atRisk;
      lines.push(
        `  protected time      ${member} (${project}) is AT_RISK since ${episodeStartedWeek}: ` +
          `${hours(weeklyHours)} a week protected, logged ${weeks
            .map((week) => `${hours(week.loggedHours)} of ${hours(week.allocatedHours)} in ${week.week}`)
            .join(
              ', ',
            )}: ${weeks.length} weeks under the at-risk threshold (50 % by default; funding's weekly check, on its test clock)`,
      );
      lines.push(`                      the lead ${leadEmail} approved that time and sees the flag`);
    } else if (!summary.fundingTestClock) {
      lines.push(
        '  protected time      nobody AT_RISK yet: start the platform with FUNDING_TEST_CLOCK=true to run the weekly check',
      );
    }
  }
  lines.push('', 'Sign in as:');
  for (const login of summary.logins)
    lines.push(`  ${login.who.padEnd(18)} ${login.email}  ${login.password}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const adminEmail = process.env.PRAXIS_ADMIN_EMAIL;
  const adminPassword = process.env.PRAXIS_ADMIN_PASSWORD;
  if (!adminEmail || !adminPassword) {
    process.stderr.write(
      'npm run demo needs PRAXIS_ADMIN_EMAIL and PRAXIS_ADMIN_PASSWORD: the admin the platform was started with.\n',
    );
    process.exit(64);
  }
  const url = gatewayUrl();
  const summary = await loadDemo({
    url,
    adminEmail,
    adminPassword,
    communityUrl: communityUrl(),
    fundingUrl: fundingUrl(),
  });
  process.stdout.write(`${formatSummary(summary, url)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `\nnpm run demo failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
