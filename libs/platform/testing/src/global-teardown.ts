export default async function globalTeardown(): Promise<void> {
  await globalThis.__PRAXIS_TEST_INFRA__?.stop();
}
