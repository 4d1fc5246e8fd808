'use strict';
// Builds a guest against the kernel bundle's SDK with the RISC-V GNU toolchain, as examples/Makefile does.

const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const repository = path.join(__dirname, '..', '..');
const sdk = path.join(repository, 'kernel-bundle', 'src', 'main', 'sdk');

/** Compiles `source` into `output` (at -O0 with DWARF) unless output is newer; answers output. */
function buildGuest(source, output) {
  if (fs.existsSync(output) && fs.statSync(output).mtimeMs > fs.statSync(source).mtimeMs) {
    return output;
  }
  fs.mkdirSync(path.dirname(output), { recursive: true });
  try {
    execFileSync('riscv64-unknown-elf-gcc', ['-march=rv64imac', '-mabi=lp64', '-mcmodel=medany', '-ffreestanding', '-nostdlib',
      '-static', '-Wall', '-Werror', '-g', '-O0', `-I${path.join(sdk, 'include')}`, '-T', path.join(sdk, 'link.ld'), '-o', output,
      path.join(sdk, 'crt0.S'), path.join(sdk, 'printf.c'), source, '-lgcc'], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    throw new Error(`cannot build ${source} with riscv64-unknown-elf-gcc (Debian: gcc-riscv64-unknown-elf): ${error.message}`);
  }
  return output;
}

/** The never-ending fault guest (guests/fault-loop.c), built into target/guests/. */
function faultLoop() {
  return buildGuest(path.join(__dirname, 'guests', 'fault-loop.c'), path.join(__dirname, '..', 'target', 'guests', 'fault-loop.elf'));
}

module.exports = { buildGuest, faultLoop };
