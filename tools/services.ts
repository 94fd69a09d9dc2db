/** The processes `npm start` runs. Subgraphs are composed, in this order, into the supergraph. */
export interface ServiceEntry {
  name: string;
  port: number;
  entry: string;
  subgraph: boolean;
  /** Has its own database, named `<prefix>_<name>`. */
  database: boolean;
}

export const SERVICES: ServiceEntry[] = [
  { name: 'membership', port: 3001, entry: 'apps/membership/src/main.ts', subgraph: true, database: true },
  { name: 'proposals', port: 3002, entry: 'apps/proposals/src/main.ts', subgraph: true, database: true },
  { name: 'mentorship', port: 3003, entry: 'apps/mentorship/src/main.ts', subgraph: true, database: true },
  { name: 'gateway', port: 4000, entry: 'apps/gateway/src/main.ts', subgraph: false, database: false },
];

export const SUBGRAPHS = SERVICES.filter((service) => service.subgraph);
