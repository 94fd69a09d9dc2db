import type { AddressInfo } from 'node:net';
import express from 'express';
import { configureExpress } from './service';

async function headersOf(app: express.Express): Promise<Headers> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST' });
    await response.text();
    return response.headers;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('configureExpress (every service’s HTTP settings)', () => {
  const answer = (app: express.Express) =>
    app.post('/graphql', (_req, res) => {
      res.json({ data: { __typename: 'Query' } });
    });

  it('sends answers without an ETag (hashing each body served no client) or X-Powered-By', async () => {
    const app = express();
    configureExpress(app, 'loopback');
    answer(app);
    const headers = await headersOf(app);
    expect(headers.get('etag')).toBeNull();
    expect(headers.get('x-powered-by')).toBeNull();
    expect(headers.get('content-length')).toBe(
      String(JSON.stringify({ data: { __typename: 'Query' } }).length),
    );
    expect(app.get('trust proxy fn')('127.0.0.1', 0)).toBe(true);
  });

  it('is what changed: Express alone hashes the body and names itself', async () => {
    const app = express();
    answer(app);
    const headers = await headersOf(app);
    expect(headers.get('etag')).not.toBeNull();
    expect(headers.get('x-powered-by')).toBe('Express');
  });
});
