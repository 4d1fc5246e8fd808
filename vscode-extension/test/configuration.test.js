'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { resolveConfiguration, initialConfigurations, isEmptyConfiguration, ConfigurationError, FAULT_FILTERS }
  = require('../src/configuration');

const folder = path.join(path.sep, 'work', 'project');
const files = new Set([path.join(folder, 'examples', 'target', 'traps.elf'), path.join(folder, 'sys', 'a.system'),
  path.join(folder, 'hello.c')]);
const exists = (file) => files.has(file);
const resolve = (config) => resolveConfiguration(config, { folder, exists });

function rejects(config, pattern) {
  assert.throws(() => resolve(config), (error) => {
    assert.ok(error instanceof ConfigurationError, `a ConfigurationError, not ${error}`);
    assert.match(error.message, pattern);
    return true;
  });
}

test('a launch with a relative program resolves it against the workspace folder', () => {
  const resolved = resolve({ type: 'faultline', request: 'launch', name: 'L', program: 'examples/target/traps.elf', stopOnEntry: true });
  assert.equal(resolved.program, path.join(folder, 'examples', 'target', 'traps.elf'));
  assert.equal(resolved.stopOnEntry, true);
});

test('a launch takes a system description as its program', () => {
  assert.equal(resolve({ request: 'launch', program: path.join(folder, 'sys', 'a.system') }).program, path.join(folder, 'sys', 'a.system'));
});

test('a launch without a program says what program must name', () => {
  rejects({ request: 'launch', name: 'Mine' }, /"Mine".*"program" is missing: give the path of a root-task ELF or of a \.system description/);
  rejects({ request: 'launch', name: 'Mine', program: '  ' }, /"program" is missing/);
});

test('a program that does not exist is named with the path it resolved to', () => {
  rejects({ request: 'launch', program: 'nope.elf' }, new RegExp(`"program" ${path.join(folder, 'nope.elf').replaceAll('/', '\\/')} does not exist \\(resolved from "nope.elf"\\)`));
});

test('a source file as program is refused: the adapter runs the built ELF', () => {
  rejects({ request: 'launch', program: 'hello.c' }, /is a source file; give the ELF built from it/);
});

test('a relative program without a workspace folder is refused', () => {
  assert.throws(() => resolveConfiguration({ request: 'launch', program: 'a.elf' }, { exists }), /relative and there is no workspace folder/);
});

test('an unsubstituted variable in program is named', () => {
  rejects({ request: 'launch', program: '${command:pickProgram}' }, /still holds the variable/);
});

test('stopOnEntry, javaOptions and javaHome are type-checked', () => {
  const launch = { request: 'launch', program: 'examples/target/traps.elf' };
  rejects({ ...launch, stopOnEntry: 'yes' }, /"stopOnEntry" must be true or false, not "yes"/);
  rejects({ ...launch, javaOptions: '-Xmx1g' }, /"javaOptions" must be a list of strings/);
  rejects({ ...launch, javaHome: 17 }, /"javaHome" must be a non-empty string, not 17/);
});

test('fault filters are checked against the adapter\'s filter ids', () => {
  const launch = { request: 'launch', program: 'examples/target/traps.elf' };
  assert.deepEqual(resolve({ ...launch, faultFilters: ['VMFault', 'noHandler'] }).faultFilters, ['VMFault', 'noHandler']);
  rejects({ ...launch, faultFilters: ['VMFault', 'PageFault'] }, /unknown filters "PageFault"; the filters are CapFault, UnknownSyscall/);
  rejects({ ...launch, faultFilters: 'VMFault' }, /"faultFilters" must be a list/);
  assert.equal(FAULT_FILTERS.length, 7);
});

test('an attach defaults the host to loopback and keeps the token', () => {
  const resolved = resolve({ request: 'attach', port: 4711, token: 'secret' });
  assert.equal(resolved.host, '127.0.0.1');
  assert.equal(resolved.port, 4711);
  assert.equal(resolved.token, 'secret');
});

test('an attach port given as a string of digits (from ${input:...}) becomes a number', () => {
  assert.equal(resolve({ request: 'attach', port: ' 5005 ' }).port, 5005);
});

test('an attach without a usable port says what to give', () => {
  rejects({ request: 'attach' }, /"port" is missing: give the port `\.\/faultline debug --listen PORT` printed/);
  rejects({ request: 'attach', port: 70000 }, /"port" must be a whole number from 1 to 65535, not 70000/);
  rejects({ request: 'attach', port: 'http' }, /not "http"/);
  rejects({ request: 'attach', port: 1, host: '' }, /"host" must be a host name or address/);
  rejects({ request: 'attach', port: 1, token: 5 }, /"token" must be a non-empty string, not 5/);
});

test('a request other than launch or attach is refused', () => {
  rejects({ request: 'run', program: 'x' }, /"request" must be "launch" or "attach", not "run"/);
});

test('the initial configurations are the package\'s and pass the check once their program exists', () => {
  const [launch, attach] = initialConfigurations();
  assert.equal(launch.request, 'launch');
  const substituted = { ...launch, program: launch.program.replace('${workspaceFolder}', folder) };
  assert.equal(resolve(substituted).program, path.join(folder, 'examples', 'target', 'traps.elf'));
  assert.equal(resolve(attach).port, 4711);
});

test('only a configuration without type, request and name counts as empty', () => {
  assert.equal(isEmptyConfiguration({}), true);
  assert.equal(isEmptyConfiguration({ noDebug: true }), true);
  assert.equal(isEmptyConfiguration({ type: 'faultline' }), false);
});
