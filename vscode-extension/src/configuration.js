'use strict';
// The `faultline` debug configurations: what VS Code offers a new launch.json, and the check of
// a configuration before a session starts, so that a mistake is named before the adapter runs.

const fs = require('node:fs');
const path = require('node:path');

/** The adapter's exception filters (ExceptionFilter in dev.faultline.dap), in its order. */
const FAULT_FILTERS = ['CapFault', 'UnknownSyscall', 'UserException', 'VMFault', 'noHandler', 'faultDelivered', 'faultReplyApplied'];

/** Source files people point `program` at by mistake: the adapter runs the built ELF. */
const SOURCE_SUFFIXES = ['.c', '.h', '.cc', '.cpp', '.s', '.S'];

const DEFAULT_HOST = '127.0.0.1';

/** What a new launch.json holds: the package's initialConfigurations (a launch and an attach). */
function initialConfigurations() {
  return JSON.parse(JSON.stringify(require('../package.json').contributes.debuggers[0].initialConfigurations));
}

/** A configuration the user must fix; its message says which attribute, what was found and what was expected. */
class ConfigurationError extends Error {}

function fail(config, text) {
  throw new ConfigurationError(`Faultline configuration "${config.name || config.request}": ${text}`);
}

function checkFaultFilters(config) {
  if (config.faultFilters === undefined) {
    return undefined;
  }
  if (!Array.isArray(config.faultFilters)) {
    fail(config, `"faultFilters" must be a list of filter ids (${FAULT_FILTERS.join(', ')}), not ${JSON.stringify(config.faultFilters)}.`);
  }
  const unknown = config.faultFilters.filter((id) => !FAULT_FILTERS.includes(id));
  if (unknown.length) {
    fail(config, `"faultFilters" names unknown filters ${unknown.map((id) => JSON.stringify(id)).join(', ')}; `
      + `the filters are ${FAULT_FILTERS.join(', ')}.`);
  }
  return [...config.faultFilters];
}

function checkOptionalString(config, attribute) {
  const value = config[attribute];
  if (value !== undefined && (typeof value !== 'string' || value === '')) {
    fail(config, `"${attribute}" must be a non-empty string, not ${JSON.stringify(value)}.`);
  }
}

function resolveLaunch(config, folder, exists) {
  const program = config.program;
  if (typeof program !== 'string' || program.trim() === '') {
    fail(config, `"program" is missing: give the path of a root-task ELF or of a .system description `
      + '(for example "${workspaceFolder}/examples/target/traps.elf").');
  }
  if (program.includes('${')) {
    fail(config, `"program" still holds the variable in ${JSON.stringify(program)} after substitution; name the file itself.`);
  }
  if (!path.isAbsolute(program) && !folder) {
    fail(config, `"program" ${JSON.stringify(program)} is relative and there is no workspace folder to resolve it in: give an absolute path.`);
  }
  const resolved = path.resolve(folder || '', program);
  if (!exists(resolved)) {
    fail(config, `"program" ${resolved} does not exist${resolved === program ? '' : ` (resolved from ${JSON.stringify(program)})`}. `
      + 'Build it first (the examples: make -C examples).');
  }
  if (SOURCE_SUFFIXES.includes(path.extname(resolved))) {
    fail(config, `"program" ${resolved} is a source file; give the ELF built from it, or a .system description.`);
  }
  if (config.stopOnEntry !== undefined && typeof config.stopOnEntry !== 'boolean') {
    fail(config, `"stopOnEntry" must be true or false, not ${JSON.stringify(config.stopOnEntry)}.`);
  }
  checkOptionalString(config, 'javaHome');
  if (config.javaOptions !== undefined
    && !(Array.isArray(config.javaOptions) && config.javaOptions.every((option) => typeof option === 'string'))) {
    fail(config, `"javaOptions" must be a list of strings (for example ["-Xmx2g"]), not ${JSON.stringify(config.javaOptions)}.`);
  }
  const faultFilters = checkFaultFilters(config);
  return { ...config, program: resolved, ...(faultFilters ? { faultFilters } : {}) };
}

function resolveAttach(config) {
  let port = config.port;
  // ${input:...} and ${env:...} substitute strings; a port written as digits is meant as a number.
  if (typeof port === 'string' && /^\d+$/.test(port.trim())) {
    port = Number(port.trim());
  }
  if (port === undefined) {
    fail(config, '"port" is missing: give the port `./faultline debug --listen PORT` printed ("debug adapter listening on HOST:PORT").');
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(config, `"port" must be a whole number from 1 to 65535, not ${JSON.stringify(config.port)}.`);
  }
  const host = config.host === undefined ? DEFAULT_HOST : config.host;
  if (typeof host !== 'string' || host.trim() === '') {
    fail(config, `"host" must be a host name or address, not ${JSON.stringify(config.host)}.`);
  }
  checkOptionalString(config, 'token');
  const faultFilters = checkFaultFilters(config);
  return { ...config, host: host.trim(), port, ...(faultFilters ? { faultFilters } : {}) };
}

/**
 * Checks a configuration after VS Code substituted its variables and answers it completed
 * (program absolute, port a number, host defaulted); throws a ConfigurationError naming what to fix.
 * `folder` is the workspace folder's path, if any; `exists` tells whether a file is there.
 */
function resolveConfiguration(config, { folder, exists = (file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false } = {}) {
  if (config.request === 'launch') {
    return resolveLaunch(config, folder, exists);
  }
  if (config.request === 'attach') {
    return resolveAttach(config);
  }
  return fail(config, `"request" must be "launch" or "attach", not ${JSON.stringify(config.request)}.`);
}

/** True for the empty configuration VS Code passes when there is no launch.json. */
function isEmptyConfiguration(config) {
  return !config.type && !config.request && !config.name;
}

module.exports = {
  FAULT_FILTERS, DEFAULT_HOST, ConfigurationError, initialConfigurations, resolveConfiguration, isEmptyConfiguration,
};
