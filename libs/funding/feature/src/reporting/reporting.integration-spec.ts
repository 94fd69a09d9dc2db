import { randomUUID } from 'node:crypto';
import type { SubgraphHarness } from '@praxis/platform/testing';
import { addDays, addMonths, dayInZone } from '@praxis/funding/domain';
import {
  ADMIN,
  activeAward,
  addMember,
  errorCode,
  leadOf,
  outboxPayloads,
  startFunding,
} from '../testing/funding.fixtures';

const REPORTS = `query R($id: ID!) { award(id: $id) { status finalReportSubmitted availableActions
  reports { kind sequence dueOn state daysLate progress submittedBy { id } }
  outputs { kind title doi url recordedBy { id } } } }`;
const SUBMIT = `mutation S($id: ID!, $input: SubmitReportInput!) { submitReport(awardId: $id, input: $input) { kind sequence state progress problems nextSteps } }`;
const OUTPUT = `mutation O($id: ID!, $input: RecordOutputInput!) { recordOutput(awardId: $id, input: $input) { kind doi url } }`;
const CLOSE = `mutation C($id: ID!) { closeAward(id: $id) { status } }`;

interface AwardReports {
  award: {
    status: string;
    finalReportSubmitted: boolean;
    reports: Array<{ kind: string; sequence: number; dueOn: string; state: string; progress: string | null }>;
    outputs: Array<{ kind: string; doi: string | null; url: string }>;
  };
}

/** Reports scheduled at activation, submitted by the team; the final one is what lets an admin close the award. */
describe('funding: progress and final reports, outputs, close-out', () => {
  let subgraph: SubgraphHarness;
  const [institution, elsewhere] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    subgraph = await startFunding();
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it('schedules reports at activation, refuses close without the final report and accepts it with it', async () => {
    const [pi, teammate] = [await addMember(subgraph, institution), await addMember(subgraph, institution)];
    const today = dayInZone(new Date());
    const endsOn = addDays(addMonths(today, 12), -1);
    const awardId = await activeAward(subgraph, { pi, team: [teammate], startsOn: today, endsOn });

    const scheduled = await subgraph.execute<AwardReports>({ memberId: pi }, REPORTS, { id: awardId });
    expect(scheduled.data?.award.reports).toEqual([
      {
        kind: 'PROGRESS',
        sequence: 1,
        dueOn: addMonths(today, 6),
        state: 'UPCOMING',
        daysLate: 0,
        progress: null,
        submittedBy: null,
      },
      {
        kind: 'FINAL',
        sequence: 2,
        dueOn: addDays(endsOn, 30),
        state: 'UPCOMING',
        daysLate: 0,
        progress: null,
        submittedBy: null,
      },
    ]);

    const early = await subgraph.execute(ADMIN, CLOSE, { id: awardId });
    expect(errorCode(early)).toBe('FAILED_PRECONDITION');
    expect(early.errors?.[0]?.extensions?.reason).toBe('FINAL_REPORT_REQUIRED');

    // only the team submits: a lead who can see the award may not, a stranger cannot even see it
    const report = {
      progress: 'Recruited 40 participants',
      problems: 'Ethics took a month',
      nextSteps: 'Analysis',
    };
    expect(
      errorCode(await subgraph.execute(leadOf(institution), SUBMIT, { id: awardId, input: report })),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await subgraph.execute({ memberId: randomUUID() }, SUBMIT, { id: awardId, input: report })),
    ).toBe('NOT_FOUND');
    const empty = await subgraph.execute({ memberId: pi }, SUBMIT, {
      id: awardId,
      input: { progress: '  ' },
    });
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(empty.errors)).toContain('input.progress');

    // without a sequence, the earliest outstanding report: the progress report
    const progress = await subgraph.execute({ memberId: teammate }, SUBMIT, { id: awardId, input: report });
    expect(progress.data).toEqual({
      submitReport: { kind: 'PROGRESS', sequence: 1, state: 'SUBMITTED', ...report },
    });
    const twice = await subgraph.execute({ memberId: pi }, SUBMIT, {
      id: awardId,
      input: { sequence: 1, ...report },
    });
    expect(errorCode(twice)).toBe('CONFLICT');
    expect(errorCode(await subgraph.execute(ADMIN, CLOSE, { id: awardId }))).toBe('FAILED_PRECONDITION');

    const final = await subgraph.execute({ memberId: pi }, SUBMIT, {
      id: awardId,
      input: { sequence: 2, progress: 'Done early: the paper is out' },
    });
    expect(final.data).toMatchObject({ submitReport: { kind: 'FINAL', state: 'SUBMITTED' } });
    expect((await subgraph.execute(ADMIN, CLOSE, { id: awardId })).data).toEqual({
      closeAward: { status: 'CLOSED' },
    });

    const events = await outboxPayloads(subgraph, 'funding.report.submitted.v1');
    expect(events.filter((event) => event.awardId === awardId)).toEqual([
      expect.objectContaining({
        kind: 'PROGRESS',
        principalInvestigatorId: pi,
        institutionId: institution,
        daysLate: 0,
      }),
      expect.objectContaining({ kind: 'FINAL', dueOn: addDays(endsOn, 30) }),
    ]);
    // the report's text stays in funding
    expect(JSON.stringify(events)).not.toContain('Ethics');
  });

  it('links outputs (papers by DOI) to an award for its team and admins, and shows them with the award', async () => {
    const pi = await addMember(subgraph, institution);
    const today = dayInZone(new Date());
    const awardId = await activeAward(subgraph, { pi, startsOn: today, endsOn: addMonths(today, 6) });
    const badDoi = await subgraph.execute({ memberId: pi }, OUTPUT, {
      id: awardId,
      input: { kind: 'PAPER', title: 'Our paper', link: 'https://example.org/paper' },
    });
    expect(errorCode(badDoi)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(badDoi.errors)).toContain('input.link');
    expect(
      errorCode(
        await subgraph.execute(leadOf(elsewhere), OUTPUT, {
          id: awardId,
          input: { kind: 'POSTER', title: 'Poster', link: 'https://example.org/poster' },
        }),
      ),
    ).toBe('NOT_FOUND');
    const paper = await subgraph.execute({ memberId: pi }, OUTPUT, {
      id: awardId,
      input: { kind: 'PAPER', title: 'Our paper', link: 'doi:10.1111/MEDU.12345' },
    });
    expect(paper.data).toEqual({
      recordOutput: { kind: 'PAPER', doi: '10.1111/medu.12345', url: 'https://doi.org/10.1111/medu.12345' },
    });
    const talk = await subgraph.execute(ADMIN, OUTPUT, {
      id: awardId,
      input: { kind: 'PRESENTATION', title: 'Conference talk', link: 'https://example.org/talk' },
    });
    expect(talk.errors).toBeUndefined();
    const seen = await subgraph.execute<AwardReports>(leadOf(institution), REPORTS, { id: awardId });
    expect(seen.data?.award.outputs.map((output) => output.kind)).toEqual(['PRESENTATION', 'PAPER']);
    const events = await outboxPayloads(subgraph, 'funding.output.recorded.v1');
    expect(events.filter((event) => event.awardId === awardId)).toHaveLength(2);
  });
});
