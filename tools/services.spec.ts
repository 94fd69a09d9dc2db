import { parsePortBase, SERVICES, serviceByName, servicePort } from './services';

describe('service ports', () => {
  it('keeps the fixed ports (3001… and 4000) when no base is set', () => {
    expect(parsePortBase(undefined)).toBeUndefined();
    expect(parsePortBase('  ')).toBeUndefined();
    expect(servicePort(serviceByName('membership'), undefined)).toBe(3001);
    expect(servicePort(serviceByName('gateway'), undefined)).toBe(4000);
  });

  it('puts the gateway on the base and each service on base + its offset, all distinct', () => {
    const base = parsePortBase('11000');
    expect(servicePort(serviceByName('gateway'), base)).toBe(11000);
    expect(servicePort(serviceByName('membership'), base)).toBe(11001);
    const ports = SERVICES.map((service) => servicePort(service, base));
    expect(new Set(ports).size).toBe(SERVICES.length);
    expect(Math.max(...ports)).toBeLessThan(11100);
  });

  it('refuses a base that is not a usable port, naming the variable', () => {
    expect(() => parsePortBase('eleven', 'PRAXIS_TEST_PORT_BASE')).toThrow(
      /PRAXIS_TEST_PORT_BASE must be an integer from 1024 to \d+ \(got "eleven"\)/,
    );
    expect(() => parsePortBase('80')).toThrow(/PRAXIS_PORT_BASE/);
    expect(() => parsePortBase('65535')).toThrow(/PRAXIS_PORT_BASE/);
  });
});
