'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { findJavaRuntime, majorVersion } = require('../src/java-runtime');

function fakeJdk(parent, name, version) {
  const home = path.join(parent, name);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(home, 'bin', 'java'), '#!/bin/sh\n', { mode: 0o755 });
  fs.writeFileSync(path.join(home, 'release'), `IMPLEMENTOR="test"\nJAVA_VERSION="${version}"\n`);
  return home;
}

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-jdk-'));
}

test('reads the major version from the release file, old style and new', () => {
  const parent = tempDir();
  assert.equal(majorVersion(fakeJdk(parent, 'a', '25.0.3')), 25);
  assert.equal(majorVersion(fakeJdk(parent, 'b', '1.8.0_412')), 8);
  assert.equal(majorVersion(path.join(parent, 'missing')), 0);
});

test('picks the newest JDK 21+ among the usual folders', () => {
  const parent = tempDir();
  fakeJdk(parent, 'java-17', '17.0.15');
  fakeJdk(parent, 'temurin-21', '21.0.5');
  const newest = fakeJdk(parent, 'temurin-25', '25.0.3');
  const found = findJavaRuntime({ env: {}, parents: [parent] });
  assert.equal(found.home, newest);
  assert.equal(found.major, 25);
  assert.equal(found.java, path.join(newest, 'bin', 'java'));
});

test('JAVA_HOME wins over a newer JDK found by searching, when it is new enough', () => {
  const parent = tempDir();
  const chosen = fakeJdk(parent, 'temurin-21', '21.0.5');
  fakeJdk(parent, 'temurin-25', '25.0.3');
  assert.equal(findJavaRuntime({ env: { JAVA_HOME: chosen }, parents: [parent] }).home, chosen);
});

test('a JAVA_HOME that is too old is passed over for a qualifying one', () => {
  const parent = tempDir();
  const old = fakeJdk(parent, 'java-17', '17.0.15');
  const good = fakeJdk(parent, 'temurin-25', '25.0.3');
  assert.equal(findJavaRuntime({ env: { JAVA_HOME: old }, parents: [parent] }).home, good);
});

test('with no JDK 21+ the error names what was seen and what is needed', () => {
  const parent = tempDir();
  fakeJdk(parent, 'java-17', '17.0.15');
  assert.throws(() => findJavaRuntime({ env: {}, parents: [parent] }), (error) => {
    assert.match(error.message, /needs Java 21 or newer/);
    assert.match(error.message, /java-17 \(from .*\): Java 17/);
    assert.match(error.message, /faultline\.javaHome/);
    return true;
  });
});

test('the java on PATH is followed through its links to its home', () => {
  const parent = tempDir();
  const home = fakeJdk(parent, 'temurin-21', '21.0.5');
  const bin = path.join(parent, 'alternatives');
  fs.mkdirSync(bin);
  fs.symlinkSync(path.join(home, 'bin', 'java'), path.join(bin, 'java'));
  const found = findJavaRuntime({ env: { PATH: `/nonexistent${path.delimiter}${bin}` }, parents: [] });
  assert.equal(found.home, home);
  assert.equal(found.origin, 'PATH');
});

test('a runtime without a release file is asked its version', () => {
  const parent = tempDir();
  const home = path.join(parent, 'bare');
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(home, 'bin', 'java'), '#!/bin/sh\necho \'openjdk version "22.0.1" 2024-04-16\' >&2\n', { mode: 0o755 });
  const found = findJavaRuntime({ configured: home, env: {}, parents: [] });
  assert.equal(found.major, 22);
  assert.equal(found.origin, 'the faultline.javaHome setting');
});

test('a configured runtime that is too old is named in the error with its origin', () => {
  const parent = tempDir();
  const old = fakeJdk(parent, 'java-17', '17.0.15');
  assert.throws(() => findJavaRuntime({ configured: old, configuredOrigin: 'the launch configuration\'s "javaHome"', env: {}, parents: [] }),
    /java-17 \(from the launch configuration's "javaHome"\): Java 17/);
});

test('a configured folder without bin/java is reported as such', () => {
  const empty = tempDir();
  assert.throws(() => findJavaRuntime({ configured: empty, env: {}, parents: [] }), new RegExp(`${empty} \\(from the faultline\\.javaHome setting\\): no bin/java`));
});
