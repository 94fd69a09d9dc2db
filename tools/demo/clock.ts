import type { DemoSession } from './client';

/**
 * A service's test clock (`/testing/clock` on the service's own port; the gateway does not route it), served only
 * when the platform was started with that service's `<SERVICE>_TEST_CLOCK=true`; `connect` answers null when the
 * service does not serve it.
 */
export class ServiceClock {
  private constructor(
    private readonly service: string,
    private readonly endpoint: string,
    private readonly admin: DemoSession,
  ) {}

  static async connect(service: string, baseUrl: string, admin: DemoSession): Promise<ServiceClock | null> {
    const endpoint = `${baseUrl.replace(/\/+$/, '')}/testing/clock`;
    const response = await fetch(endpoint, { headers: { authorization: `Bearer ${await admin.bearer()}` } });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${service}'s test clock: ${response.status} ${await response.text()}`);
    return new ServiceClock(service, endpoint, admin);
  }

  /** Sets the service's clock to `at` (it runs on from there), or back to the system time with null. */
  async set(at: Date | null): Promise<void> {
    const response = await fetch(this.endpoint, {
      method: at ? 'PUT' : 'DELETE',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.admin.bearer()}` },
      ...(at ? { body: JSON.stringify({ at: at.toISOString() }) } : {}),
    });
    if (!response.ok)
      throw new Error(`${this.service}'s test clock: ${response.status} ${await response.text()}`);
  }
}
