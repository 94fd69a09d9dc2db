// Runs the librdkafka mock cluster carried by kafka-crab-js-linux-x64-gnu until SIGTERM/SIGINT or until its parent
// goes away (stdin closes), so the broker never outlives the process that started it.
// Usage: node crab-mock-broker.cjs [brokers]   prints `PRAXIS_MOCK_BROKERS=127.0.0.1:PORT` once it listens.
'use strict';
const { readdirSync, readFileSync, readlinkSync } = require('node:fs');
const { KafkaClientConfig } = require('kafka-crab-js-linux-x64-gnu');

const brokerCount = process.argv[2] ?? '1';

/** Ports this process listens on, from its own sockets: the mock's only listeners are its brokers. */
function listeningPorts() {
  const inodes = new Set();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // the descriptor closed while we listed them
    }
  }
  const ports = [];
  for (const table of ['/proc/self/net/tcp', '/proc/self/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const columns = line.trim().split(/\s+/);
      // state 0A is LISTEN; column 9 is the socket inode
      if (columns[3] === '0A' && inodes.has(columns[9])) ports.push(parseInt(columns[1].split(':')[1], 16));
    }
  }
  return ports;
}

// The mock lives as long as this client; bootstrap.servers is ignored once the mock is enabled.
const client = new KafkaClientConfig({
  brokers: 'mock:9092',
  clientId: 'praxis-local-broker',
  logLevel: 'error',
  configuration: { 'test.mock.num.brokers': brokerCount },
});
const producer = client.createProducer({});

const started = Date.now();
const announce = () => {
  const ports = listeningPorts().sort((a, b) => a - b);
  if (ports.length >= Number(brokerCount)) {
    process.stdout.write(`PRAXIS_MOCK_BROKERS=${ports.map((port) => `127.0.0.1:${port}`).join(',')}\n`);
    return;
  }
  if (Date.now() - started > 10000) {
    process.stderr.write('the librdkafka mock cluster did not start listening within 10 s\n');
    process.exit(1);
  }
  setTimeout(announce, 20);
};
announce();

const stop = () => {
  // keep a reference until the end: dropping the producer would stop the mock
  void producer;
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
