import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadRebuildConfig } from './config';

const BASE = {
  DATABASE_URL: 'postgres://praxis:praxis@127.0.0.1:5432/praxis_engagement',
  KAFKA_BROKERS: '127.0.0.1:9092',
};

describe('engagement:rebuild configuration', () => {
  it('names a missing variable before anything starts', () => {
    expect(() => loadRebuildConfig(tmpdir(), { KAFKA_BROKERS: '127.0.0.1:9092' })).toThrow(/DATABASE_URL/);
  });

  it('takes the demographics key npm start generated when none is given, as the launcher gives it to the service', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'rebuild-'));
    mkdirSync(path.join(root, '.praxis'));
    const privateJwk = JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'eA', y: 'eQ', d: 'ZA' });
    writeFileSync(path.join(root, '.praxis', 'demographics-keys.json'), JSON.stringify({ privateJwk }));
    expect(loadRebuildConfig(root, BASE).DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY).toMatchObject({ d: 'ZA' });
    expect(loadRebuildConfig(tmpdir(), BASE).DEMOGRAPHICS_RECIPIENT_PRIVATE_KEY).toBeUndefined();
  });
});
