'use strict';
// The extension in a real VS Code, end to end: the packaged .vsix installed into code-server
// 4.100.3 (VS Code 1.100.3), opened in Debian's Chromium; a `./faultline debug --listen` machine
// runs the never-ending fault guest; VS Code attaches to it with a launch.json configuration,
// stops on the next fault, and the four kernel views are checked and kept as a screenshot.
// Not part of the Maven build (it needs a browser): `npm ci && npm run e2e` here, after the build.

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const { chromium } = require('playwright-core');
const { faultLoop } = require('../test-integration/guests');

const extension = path.join(__dirname, '..');
const repository = path.join(extension, '..');
const vsix = path.join(extension, 'target', 'faultline-0.1.0.vsix');
const codeServer = path.join(__dirname, 'node_modules', '.bin', 'code-server');
const screenshots = path.join(__dirname, 'screenshots');
const TOKEN = 'e2e-token';
const WAIT = 60000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Runs `command`, resolving with the process once its output matches `ready`. */
function start(command, args, ready, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${command} did not become ready in ${WAIT} ms: ${text}`)), WAIT);
    const read = (data) => {
      text += data.toString();
      const match = ready.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`${command} exited with ${code}: ${text}`)));
  });
}

/** A workspace whose launch.json attaches to the listener and stops on user exceptions. */
function workspace(root, port) {
  const folder = path.join(root, 'workspace');
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode', 'launch.json'), JSON.stringify({
    version: '0.2.0',
    configurations: [{
      type: 'faultline', request: 'attach', name: 'Attach to the fault loop', host: '127.0.0.1', port, token: TOKEN,
      faultFilters: ['UserException'],
    }],
  }, null, 2));
  const user = path.join(root, 'user-data', 'User');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.ignoreRecommendations': true,
    'workbench.colorTheme': 'Default Light Modern',
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'window.zoomLevel': 0,
  }, null, 2));
  return folder;
}

/** Awaits `promise`, naming `what` was awaited if it fails. */
async function step(what, promise) {
  try {
    return await promise;
  } catch (error) {
    error.message = `${what}: ${error.message}`;
    throw error;
  }
}

/** Collapses a side-bar pane by its title, or expands it (expand true). */
async function setPane(page, title, expand) {
  const header = page.locator('.pane-header', { has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first();
  await step(`the ${title} pane`, header.waitFor({ timeout: WAIT }));
  if ((await header.getAttribute('aria-expanded') === 'true') !== expand) {
    await header.click();
  }
}

/** Drags the sash above a side-bar pane to page height y: the pane above shrinks or grows to match. */
async function movePaneTop(page, title, y) {
  const header = page.locator('.pane-header', { has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first();
  const box = await header.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, y, { steps: 10 });
  await page.mouse.up();
}

/** The text of every row of a view's tree, label and description. */
async function rows(page, title) {
  const pane = page.locator('.pane', { has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first();
  return pane.locator('.monaco-list-row').allInnerTexts();
}

async function main() {
  if (!fs.existsSync(vsix)) {
    throw new Error(`${vsix} is missing: build it first with ./mvnw -B -pl vscode-extension -am verify`);
  }
  if (!fs.existsSync(codeServer)) {
    throw new Error(`${codeServer} is missing: run npm ci in ${__dirname} first`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-e2e-'));
  const cleanups = [];
  let page;
  try {
    const guest = faultLoop();
    const listener = await start(path.join(repository, 'faultline'), ['debug', '--listen', '0', '--token', TOKEN, guest],
      /listening on [^:\s]+:(\d+)/, { cwd: repository });
    cleanups.push(() => listener.child.kill());
    const machinePort = Number(listener.match[1]);
    const folder = workspace(root, machinePort);
    const dirs = ['--user-data-dir', path.join(root, 'user-data'), '--extensions-dir', path.join(root, 'extensions')];
    execFileSync(codeServer, [...dirs, '--install-extension', vsix], { stdio: 'inherit' });
    const port = await freePort();
    const server = await start(codeServer, [...dirs, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', folder], /HTTP server listening/);
    cleanups.push(() => server.child.kill());

    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    cleanups.push(() => browser.close());
    page = await browser.newPage({ viewport: { width: 1680, height: 1400 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    await step('the workbench', page.locator('.monaco-workbench').waitFor({ timeout: WAIT }));
    // Give the workbench time to restore its layout and load the extension host.
    await page.waitForTimeout(5000);

    // Quick open's "debug " prefix lists the launch configurations; Enter starts the one named.
    await page.keyboard.press('F1');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('debug Attach to the fault loop');
    await step('the launch configuration in quick open',
      page.locator('.quick-input-list .monaco-list-row', { hasText: 'Attach to the fault loop' }).first().waitFor({ timeout: WAIT }));
    await page.keyboard.press('Enter');
    await step('the stop on the fault in Call Stack',
      page.locator('.debug-call-stack').getByText(/user exception/i).first().waitFor({ timeout: WAIT }));

    // The stop is seen; the kernel views get the side bar's height.
    for (const title of ['Variables', 'Watch', 'Call Stack', 'Loaded Scripts', 'Breakpoints']) {
      await setPane(page, title, false);
    }
    for (const title of ['Endpoint Queues', 'Fault IPC', 'Capabilities', 'Trapframe']) {
      await setPane(page, title, true);
    }
    await step('the Trapframe view\'s rows',
      page.locator('.pane', { hasText: 'Trapframe' }).locator('.monaco-list-row', { hasText: 'Cause' }).first().waitFor({ timeout: WAIT }));
    // A wider side bar, so that rows show their descriptions whole, and no panel below the editor.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    const edge = sidebar.x + sidebar.width - 1;
    await page.mouse.move(edge, sidebar.y + sidebar.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge + 420, sidebar.y + sidebar.height / 2, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.press('Control+J');
    // Room for each view: the queues need little, the fault and the registers more.
    await movePaneTop(page, 'Fault IPC', 360);
    await movePaneTop(page, 'Capabilities', 760);
    await movePaneTop(page, 'Trapframe', 990);
    // Over the editor's scroll bar, so that no hover covers anything.
    await page.mouse.move(1670, 700);
    await page.waitForTimeout(1500);

    fs.mkdirSync(screenshots, { recursive: true });
    const shot = path.join(screenshots, 'attach-fault-views.png');
    await page.screenshot({ path: shot });

    const seen = {
      endpoints: await rows(page, 'Endpoint Queues'),
      faults: await rows(page, 'Fault IPC'),
      capabilities: await rows(page, 'Capabilities'),
      trapframe: await rows(page, 'Trapframe'),
    };
    const expect = (view, pattern) => {
      if (!seen[view].some((text) => pattern.test(text.replace(/\s+/g, ' ')))) {
        throw new Error(`the ${view} view shows no row matching ${pattern}: ${JSON.stringify(seen[view])}`);
      }
    };
    expect('endpoints', /send · 2 queued/);
    expect('endpoints', /client-1 \(#\d+\)\s*blocked on send · badge 0x11/);
    expect('faults', /UserException: faulter/);
    expect('capabilities', /CNode #1 \(root\)/);
    expect('trapframe', /Cause\s*3: breakpoint/);
    console.log(`e2e: attached, stopped on the fault, views filled; screenshot ${shot}`);
    console.log(JSON.stringify(seen, null, 2));
  } catch (error) {
    // What the browser showed when it went wrong, beside the build's other outputs.
    if (page) {
      const failure = path.join(extension, 'target', 'e2e-failure.png');
      await page.screenshot({ path: failure }).catch(() => {});
      error.message += ` (the page then: ${failure})`;
    }
    throw error;
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await Promise.resolve(cleanup()).catch(() => {});
    }
  }
}

main().catch((error) => {
  console.error(`e2e failed: ${error.stack || error}`);
  process.exit(1);
});
