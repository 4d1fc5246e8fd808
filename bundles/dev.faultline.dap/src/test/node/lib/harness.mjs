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
const repository = resolve(here, '../../../../../..');

export const guests = JSON.parse(process.env.FAULTLINE_GUESTS ?? '{}');

/** The official DAP schema: shared/reference beside the repository, or FAULTLINE_DAP_SCHEMA. */
function schema() {
  const file = process.env.FAULTLINE_DAP_SCHEMA ?? join(repository, '..', 'shared', 'reference', 'dap', 'debugAdapterProtocol.json');
  if (!existsSync(file)) {
    throw new Error(`no DAP schema at ${file}: set FAULTLINE_DAP_SCHEMA`);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ['int32', 'uint32', 'int64', 'uint64']) {
  ajv.addFormat(format, { type: 'number', validate: (n) => Number.isInteger(n) });
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

/** A DebugClient on the port whose received messages are validated. */
export async function connect(port) {
  const client = new DebugClient('java', 'unused', 'faultline');
  client.defaultTimeout = 20000;
  const dispatch = client.dispatch.bind(client);
  client.dispatch = (body) => {
    validate(JSON.parse(body));
    dispatch(body);
  };
  await client.start(port);
  return client;
}
