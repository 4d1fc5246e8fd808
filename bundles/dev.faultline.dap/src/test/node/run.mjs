// Runs the end-to-end suite from Maven: argv[2] is the test class path (the adapter and the
// helper that builds the guests). The guests are built first, by the same Java code as the JUnit
// tests use, then `node --test` runs every file under test/ one at a time.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const classpath = process.argv[2];
if (!classpath) {
  console.error('usage: node run.mjs CLASSPATH');
  process.exit(2);
}
const java = process.env.FAULTLINE_JAVA ?? (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java');
const guests = execFileSync(java, ['-cp', classpath, 'dev.faultline.dap.server.NodeSuiteGuests'], { encoding: 'utf8' });
// The JUnit report goes beside surefire's, where ./faultline test counts it.
const reports = join(here, '..', '..', '..', 'target', 'node-reports');
mkdirSync(reports, { recursive: true });
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec',
  '--test-reporter-destination=stdout', '--test-reporter=junit', `--test-reporter-destination=${join(reports, 'TEST-dap-e2e.xml')}`,
  join(here, 'test')], {
  stdio: 'inherit',
  env: { ...process.env, FAULTLINE_CLASSPATH: classpath, FAULTLINE_JAVA: java, FAULTLINE_GUESTS: guests.trim() },
});
process.exit(result.status ?? 1);
