// The adapter in a process of its own, listening on a loopback port, and a DebugClient connected
// to it whose every received message is checked against the official DAP schema.
import { spawn } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { DebugClient } = require('@vscode/debugadapter-testsupport');
const Ajv = require('ajv-draft-04');

const here = dirname(fileURLToPath(import.meta.url));

export const guests = JSON.parse(process.env.FAULTLINE_GUESTS ?? '{}');

/** The official DAP schema (v1.71.0, draft-04), kept beside this file; FAULTLINE_DAP_SCHEMA names another. */
function schema() {
  const file = process.env.FAULTLINE_DAP_SCHEMA ?? join(here, 'debugAdapterProtocol.json');
  if (!existsSync(file)) {
    throw new Error(`no DAP schema at ${file}`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

const ajv = new Ajv({ strict: false, allErrors: true });
// The schema's integer formats are ranges that ajv does not know.
const ranges = { int32: [-(2 ** 31), 2 ** 31 - 1], uint32: [0, 2 ** 32 - 1], int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint64: [0, Number.MAX_SAFE_INTEGER] };
for (const [format, [min, max]] of Object.entries(ranges)) {
  ajv.addFormat(format, { type: 'number', validate: (n) => Number.isInteger(n) && n >= min && n <= max });
}
ajv.addSchema(schema(), 'dap');

/** The schema definition a message must match: <Event>Event, <Command>Response, or ErrorResponse. */
function definition(message) {
  const capital = (name) => name.charAt(0).toUpperCase() + name.slice(1);
  if (message.type === 'event') {
    return `${capital(message.event)}Event`;
  }
  if (message.type === 'response') {
    return message.success ? `${capital(message.command)}Response` : 'ErrorResponse';
  }
  return 'ProtocolMessage';
}

/** Every message that failed the schema, for the test to assert empty. */
export const violations = [];

export function validate(message) {
  const name = definition(message);
  const check = ajv.getSchema(`dap#/definitions/${name}`);
  if (!check) {
    if (!message.command?.startsWith('faultline/')) {
      violations.push(`${name}: no such definition in the schema, for ${JSON.stringify(message)}`);
    }
    return;
  }
  if (!check(message)) {
    violations.push(`${name}: ${ajv.errorsText(check.errors)} in ${JSON.stringify(message)}`);
  }
}

/** Starts `faultline debug --listen 0 [program]` and answers the process and its port. */
export function startAdapter(...args) {
  const java = process.env.FAULTLINE_JAVA ?? 'java';
  const adapter = spawn(java, ['-cp', process.env.FAULTLINE_CLASSPATH, 'dev.faultline.dap.cli.Main', 'debug', '--listen', '0', ...args],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolvePort, reject) => {
    let text = '';
    adapter.stderr.on('data', (data) => {
      text += data.toString();
      const found = /listening on [^:]+:(\d+)/.exec(text);
      if (found) {
        resolvePort({ adapter, port: Number(found[1]) });
      }
    });
    adapter.on('exit', (code) => reject(new Error(`the adapter exited with ${code}: ${text}`)));
  });
}

/** Validates every message client receives, keeping them in order in client.messages. */
function instrument(client) {
  client.messages = [];
  const dispatch = client.dispatch.bind(client);
  client.dispatch = (body) => {
    const message = JSON.parse(body);
    client.messages.push(message);
    validate(message);
    dispatch(body);
  };
  return client;
}

/**
 * The adapter over stdio, as VS Code starts one: DebugClient runs `runtime executable`, so a
 * small script carries the class path and the `debug` command.
 */
export async function startStdio(...args) {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const java = process.env.FAULTLINE_JAVA ?? 'java';
  const quote = (word) => `'${word.replaceAll("'", "'\\''")}'`;
  const script = join(mkdtempSync(join(tmpdir(), 'faultline-dap-')), 'adapter.sh');
  writeFileSync(script, `#!/bin/sh\nexec ${[java, '-cp', process.env.FAULTLINE_CLASSPATH, 'dev.faultline.dap.cli.Main', 'debug',
    ...args].map(quote).join(' ')}\n`, { mode: 0o755 });
  const client = instrument(new DebugClient('sh', script, 'faultline'));
  client.defaultTimeout = 20000;
  await client.start();
  return client;
}

/** A DebugClient on the port whose received messages are validated. */
export async function connect(port) {
  const client = instrument(new DebugClient('java', 'unused', 'faultline'));
  client.defaultTimeout = 20000;
  await client.start(port);
  return client;
}
