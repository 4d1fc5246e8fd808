'use strict';
// Finds a Java 21+ runtime for the Faultline debug adapter, or says exactly what is missing.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const REQUIRED_MAJOR = 21;
const JAVA = process.platform === 'win32' ? 'java.exe' : 'java';

/** Parses a Java version string ("25.0.3", "21", "1.8.0_412") into its major version; 0 if unknown. */
function parseMajor(version) {
  const match = /^(\d+)(?:\.(\d+))?/.exec(version || '');
  if (!match) {
    return 0;
  }
  // Java 8 and older call themselves 1.x.
  return match[1] === '1' ? Number(match[2] || 0) : Number(match[1]);
}

/** The major version of the JDK or JRE at `home`, read from its `release` file; 0 if unknown. */
function majorVersion(home) {
  let text;
  try {
    text = fs.readFileSync(path.join(home, 'release'), 'utf8');
  } catch {
    return 0;
  }
  const match = /^JAVA_VERSION="([^"]*)"/m.exec(text);
  return match ? parseMajor(match[1]) : 0;
}

/** Asks `java -version` itself, for a runtime without a release file; 0 if it does not say. */
function probeMajor(java) {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 10000 });
  const match = /version "([^"]+)"/.exec(`${result.stderr || ''}${result.stdout || ''}`);
  return match ? parseMajor(match[1]) : 0;
}

function hasJava(home) {
  return fs.existsSync(path.join(home, 'bin', JAVA));
}

/** Folders that commonly hold JDKs, each listing one JDK per child folder. */
const JDK_PARENTS = ['/usr/lib/jvm', '/usr/java', '/opt/java', '/Library/Java/JavaVirtualMachines'];

/** The home of the first `java` on PATH, through any symbolic links (Debian's alternatives). */
function homeOnPath(env) {
  for (const folder of (env.PATH || '').split(path.delimiter)) {
    if (!folder) {
      continue;
    }
    const java = path.join(folder, JAVA);
    if (fs.existsSync(java)) {
      try {
        return path.dirname(path.dirname(fs.realpathSync(java)));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function candidates({ configured, configuredOrigin, env, parents }) {
  const found = [];
  if (configured) {
    found.push({ home: configured, origin: configuredOrigin, chosen: true });
  }
  if (env.JAVA_HOME) {
    found.push({ home: env.JAVA_HOME, origin: 'JAVA_HOME', chosen: true });
  }
  const onPath = homeOnPath(env);
  if (onPath) {
    found.push({ home: onPath, origin: 'PATH', chosen: true });
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
      const macHome = path.join(home, 'Contents', 'Home');
      found.push({ home: fs.existsSync(macHome) ? macHome : home, origin: parent, chosen: false });
    }
  }
  return found;
}

/**
 * Picks the Java runtime to start the adapter with: the configured one if it qualifies, else
 * JAVA_HOME, else the java on PATH, else the newest JDK 21+ under the usual folders. Throws an
 * Error naming what was found and what is needed when none qualifies.
 */
function findJavaRuntime({ configured, configuredOrigin = 'the faultline.javaHome setting', env = process.env, parents = JDK_PARENTS,
  probe = probeMajor } = {}) {
  const seen = [];
  let best;
  for (const candidate of candidates({ configured, configuredOrigin, env, parents })) {
    const java = path.join(candidate.home, 'bin', JAVA);
    if (!hasJava(candidate.home)) {
      seen.push(`${candidate.home} (from ${candidate.origin}): no bin/${JAVA}`);
      continue;
    }
    const major = majorVersion(candidate.home) || probe(java);
    seen.push(`${candidate.home} (from ${candidate.origin}): Java ${major || 'of unknown version'}`);
    if (major < REQUIRED_MAJOR) {
      continue;
    }
    // An explicit choice wins over a newer one found by searching.
    if (candidate.chosen) {
      return { home: candidate.home, major, java, origin: candidate.origin };
    }
    if (!best || major > best.major) {
      best = { home: candidate.home, major, java, origin: candidate.origin };
    }
  }
  if (best) {
    return best;
  }
  const lines = [`Faultline's debug adapter needs Java ${REQUIRED_MAJOR} or newer, and none was found.`];
  lines.push(seen.length ? `Looked at: ${seen.join('; ')}.`
    : `Looked in: ${configuredOrigin}, JAVA_HOME, PATH, ${parents.join(', ')}.`);
  lines.push(`Install a JDK ${REQUIRED_MAJOR}+ and set faultline.javaHome (or the launch configuration's "javaHome") to its folder.`);
  throw new Error(lines.join(' '));
}

module.exports = { findJavaRuntime, majorVersion, parseMajor, REQUIRED_MAJOR };
