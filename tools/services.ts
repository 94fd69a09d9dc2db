/** The processes `npm start` runs. Subgraphs are composed, in this order, into the supergraph. */
export interface ServiceEntry {
  name: string;
  /** The port `npm start` and docker compose use when no port base is set. */
  port: number;
  /** With a port base (`PRAXIS_PORT_BASE`), the service listens on base + offset; the gateway sits on the base. */
  portOffset: number;
  entry: string;
  subgraph: boolean;
  /** Has its own database, named `<prefix>_<name>`. */
  database: boolean;
}

export const SERVICES: ServiceEntry[] = [
  {
    name: 'membership',
    port: 3001,
    portOffset: 1,
    entry: 'apps/membership/src/main.ts',
    subgraph: true,
    database: true,
  },
  {
    name: 'proposals',
    port: 3002,
    portOffset: 2,
    entry: 'apps/proposals/src/main.ts',
    subgraph: true,
    database: true,
  },
  {
    name: 'mentorship',
    port: 3003,
    portOffset: 3,
    entry: 'apps/mentorship/src/main.ts',
    subgraph: true,
    database: true,
  },
  {
    name: 'funding',
    port: 3004,
    portOffset: 4,
    entry: 'apps/funding/src/main.ts',
    subgraph: true,
    database: true,
  },
  {
    name: 'community',
    port: 3005,
    portOffset: 5,
    entry: 'apps/community/src/main.ts',
    subgraph: true,
    database: true,
  },
  {
    name: 'engagement',
    port: 3006,
    portOffset: 6,
    entry: 'apps/engagement/src/main.ts',
    subgraph: true,
    database: true,
  },
  {
    name: 'gateway',
    port: 4000,
    portOffset: 0,
    entry: 'apps/gateway/src/main.ts',
    subgraph: false,
    database: false,
  },
];

export const SUBGRAPHS = SERVICES.filter((service) => service.subgraph);

/**
 * Reads a port base such as `PRAXIS_PORT_BASE`: unset or empty keeps every service on its fixed port; otherwise
 * it must leave room for the highest offset below 65536.
 */
export function parsePortBase(value: string | undefined, variable = 'PRAXIS_PORT_BASE'): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const base = Number(value);
  const highest = Math.max(...SERVICES.map((service) => service.portOffset));
  if (!Number.isInteger(base) || base < 1024 || base + highest > 65535) {
    throw new Error(`${variable} must be an integer from 1024 to ${65535 - highest} (got "${value}")`);
  }
  return base;
}

/** The port of `service`: its fixed port without a base, else base + its offset. */
export function servicePort(service: ServiceEntry, base: number | undefined): number {
  return base === undefined ? service.port : base + service.portOffset;
}

export function serviceByName(name: string): ServiceEntry {
  const service = SERVICES.find((candidate) => candidate.name === name);
  if (!service) throw new Error(`no service named "${name}" in tools/services.ts`);
  return service;
}
