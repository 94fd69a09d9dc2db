import { choosePort, classNameOf, errorCases, errorCodes, registeredServices } from './generator';

const SERVICES_TS = `export const SERVICES = [
  { name: 'membership', port: 3001, portOffset: 1, entry: 'x', subgraph: true, database: true },
  { name: 'proposals', port: 3002, portOffset: 2, entry: 'x', subgraph: true, database: true },
  { name: 'gateway', port: 4000, portOffset: 0, entry: 'x', subgraph: false, database: false },
];`;

describe('service generator', () => {
  const services = registeredServices(SERVICES_TS);

  it('reads the registered services from tools/services.ts', () => {
    expect(services.map((service) => `${service.name} ${service.port}/${service.offset}`)).toEqual([
      'membership 3001/1',
      'proposals 3002/2',
      'gateway 4000/0',
    ]);
  });

  it('gives reserved services their numbers, others the next free ones that nobody has reserved', () => {
    expect(choosePort('engagement', services, {})).toEqual({ port: 3006, offset: 6 });
    expect(choosePort('sample', services, {})).toEqual({ port: 3003, offset: 3 });
    const withMentorship = [...services, { name: 'mentorship', port: 3003, offset: 3 }];
    expect(choosePort('sample', withMentorship, {})).toEqual({ port: 3007, offset: 7 });
    expect(choosePort('sample', services, { port: 3100, offset: 40 })).toEqual({ port: 3100, offset: 40 });
  });

  it('refuses a port or offset another service has', () => {
    expect(() => choosePort('sample', services, { port: 3002, offset: 9 })).toThrow(/proposals/);
    expect(() => choosePort('sample', services, { port: 3009, offset: 1 })).toThrow(/membership/);
  });

  it('maps every code of an existing domain enum, INVALID_INPUT to BAD_USER_INPUT', () => {
    const codes = errorCodes(
      `export enum FundingErrorCode {\n  /** doc */\n  INVALID_INPUT = 'INVALID_INPUT',\n  ALREADY_REVERSED = 'ALREADY_REVERSED',\n  AWARD_NOT_ACTIVE = 'AWARD_NOT_ACTIVE',\n}\n`,
      'Funding',
    );
    expect(codes).toEqual(['INVALID_INPUT', 'ALREADY_REVERSED', 'AWARD_NOT_ACTIVE']);
    const cases = errorCases(codes, 'Funding');
    expect(cases).toContain('case FundingErrorCode.INVALID_INPUT:\n      return badUserInput(');
    expect(cases).toMatch(/ALREADY_REVERSED:\n\s+return publicError\('CONFLICT'/);
    expect(cases).toMatch(/AWARD_NOT_ACTIVE:\n\s+return publicError\('FAILED_PRECONDITION'/);
    expect(classNameOf('engagement')).toBe('Engagement');
  });
});
