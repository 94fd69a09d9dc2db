import { randomUUID } from 'node:crypto';
import { mentorshipDatabase } from '@praxis/mentorship/data-access';
import { loadConfig } from '@praxis/platform/config';
import {
  fuzzCallers,
  fuzzSettings,
  fuzzSubgraph,
  startSubgraphHarness,
  type SubgraphHarness,
} from '@praxis/platform/testing';
import { MentorshipFeatureModule } from './mentorship-feature.module';
import { matchWeightsEnvShape, mentorshipOptionsFromEnv } from './mentorship.options';

const SETTINGS = fuzzSettings();

describe('mentorship subgraph fuzz', () => {
  let subgraph: SubgraphHarness;
  const ids: string[] = [randomUUID()];

  beforeAll(async () => {
    subgraph = await startSubgraphHarness({
      name: 'mentorship_fuzz',
      database: mentorshipDatabase,
      feature: () =>
        MentorshipFeatureModule.forRoot(mentorshipOptionsFromEnv(loadConfig(matchWeightsEnvShape, {}))),
    });
  }, 60000);

  afterAll(async () => {
    await subgraph?.close();
  });

  it(`answers random operations and inputs from the schema with data or a public error (seed ${SETTINGS.seed})`, async () => {
    const institutionId = randomUUID();
    const { runs, findings, healthy } = await fuzzSubgraph(subgraph, {
      callers: fuzzCallers(institutionId),
      knownIds: () => ids,
      ...SETTINGS,
    });
    expect(runs).toBeGreaterThan(20);
    expect(findings.slice(0, 5)).toEqual([]);
    expect(healthy).toBe(true);
  }, 120000);
});
