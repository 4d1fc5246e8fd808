// Runs the end-to-end suite from Maven: argv[2] is the test class path (the adapter and the
// helper that builds the guests). The guests are built first, by the same Java code as the JUnit
// tests use, then `node --test` runs every file under test/ one at a time.
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const classpath = process.argv[2];
if (!classpath) {
  console.error('usage: node run.mjs CLASSPATH');
  process.exit(2);
}
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const guests = execFileSync(java, ['-cp', classpath, 'dev.faultline.dap.server.NodeSuiteGuests'], { encoding: 'utf8' });
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', join(here, 'test')], {
  stdio: 'inherit',
  env: { ...process.env, FAULTLINE_CLASSPATH: classpath, FAULTLINE_JAVA: java, FAULTLINE_GUESTS: guests.trim() },
});
process.exit(result.status ?? 1);
