'use strict';
// Finds a Java 21+ runtime for the Faultline debug adapter, or says exactly what is missing.

const fs = require('node:fs');
const path = require('node:path');

const REQUIRED_MAJOR = 21;

/** The major version of the JDK or JRE at `home`, read from its `release` file; 0 if unknown. */
function majorVersion(home) {
  let text;
  try {
    text = fs.readFileSync(path.join(home, 'release'), 'utf8');
  } catch {
    return 0;
  }
  const match = /^JAVA_VERSION="(\d+)(?:\.(\d+))?/m.exec(text);
  if (!match) {
    return 0;
  }
  // Java 8 and older call themselves 1.x.
  return match[1] === '1' ? Number(match[2] || 0) : Number(match[1]);
}

function hasJava(home) {
  return fs.existsSync(path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java'));
}

/** Folders that commonly hold JDKs, each listing one JDK per child folder. */
const JDK_PARENTS = ['/usr/lib/jvm', '/usr/java', '/opt/java', '/Library/Java/JavaVirtualMachines'];

function candidates({ configured, env, parents }) {
  const found = [];
  if (configured) {
    found.push({ home: configured, origin: 'the faultline.javaHome setting' });
  }
  if (env.JAVA_HOME) {
    found.push({ home: env.JAVA_HOME, origin: 'JAVA_HOME' });
  }
  for (const parent of parents) {
    let children = [];
    try {
      children = fs.readdirSync(parent);
    } catch {
      continue;
    }
    for (const child of children.sort()) {
      const home = path.join(parent, child);
      found.push({ home: fs.existsSync(path.join(home, 'Contents', 'Home')) ? path.join(home, 'Contents', 'Home') : home, origin: parent });
    }
  }
  return found;
}

/**
 * Picks the Java runtime to start the adapter with: the configured one if it qualifies, else
 * JAVA_HOME, else the newest JDK 21+ under the usual folders. Throws an Error naming what was
 * found and what is needed when none qualifies.
 */
function findJavaRuntime({ configured, env = process.env, parents = JDK_PARENTS } = {}) {
  const seen = [];
  let best;
  for (const candidate of candidates({ configured, env, parents })) {
    const major = majorVersion(candidate.home);
    if (!hasJava(candidate.home)) {
      seen.push(`${candidate.home} (from ${candidate.origin}): no bin/java`);
      continue;
    }
    seen.push(`${candidate.home} (from ${candidate.origin}): Java ${major || 'of unknown version'}`);
    if (major < REQUIRED_MAJOR) {
      continue;
    }
    // An explicit choice wins over a newer one found by searching.
    if (candidate.origin === 'the faultline.javaHome setting' || candidate.origin === 'JAVA_HOME') {
      return { home: candidate.home, major, java: path.join(candidate.home, 'bin', 'java') };
    }
    if (!best || major > best.major) {
      best = { home: candidate.home, major, java: path.join(candidate.home, 'bin', 'java') };
    }
  }
  if (best) {
    return best;
  }
  const lines = [`Faultline's debug adapter needs Java ${REQUIRED_MAJOR} or newer, and none was found.`];
  lines.push(seen.length ? `Looked at: ${seen.join('; ')}.` : `Looked in: the faultline.javaHome setting, JAVA_HOME, ${parents.join(', ')}.`);
  lines.push(`Install a JDK ${REQUIRED_MAJOR}+ or set faultline.javaHome to one.`);
  throw new Error(lines.join(' '));
}

module.exports = { findJavaRuntime, majorVersion, REQUIRED_MAJOR };
