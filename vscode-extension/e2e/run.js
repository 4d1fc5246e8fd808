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

/** A workspace whose launch.json attaches to the listener (stopping on user exceptions) and launches traps (on VM faults). */
function workspace(root, port) {
  const folder = path.join(root, 'workspace');
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(folder, '.vscode', 'launch.json'), JSON.stringify({
    version: '0.2.0',
    configurations: [{
      type: 'faultline', request: 'attach', name: 'Attach to the fault loop', host: '127.0.0.1', port, token: TOKEN,
      faultFilters: ['UserException'],
    }, {
      type: 'faultline', request: 'launch', name: 'Launch traps', program: path.join(repository, 'examples', 'target', 'traps.elf'),
      faultFilters: ['VMFault'],
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

/** The rows of the four views as text (label and description), by view. */
async function readViews(page) {
  return {
    endpoints: await rows(page, 'Endpoint Queues'),
    faults: await rows(page, 'Fault IPC'),
    capabilities: await rows(page, 'Capabilities'),
    trapframe: await rows(page, 'Trapframe'),
  };
}

function expectRow(seen, view, pattern) {
  if (!seen[view].some((text) => pattern.test(text.replace(/\s+/g, ' ')))) {
    throw new Error(`the ${view} view shows no row matching ${pattern}: ${JSON.stringify(seen[view])}`);
  }
}

let arranged = false;

/**
 * Starts the launch configuration `name`, waits for Call Stack to show the stop `reason`, lays the
 * side bar out for the four kernel views, saves a screenshot and answers the views' rows.
 */
async function debugSession(page, name, reason, screenshot, beforeScreenshot = async () => {}) {
  // Quick open's "debug " prefix lists the launch configurations; Enter starts the one named. Right
  // after start-up the list can come up empty while launch.json loads: then ask again.
  const entry = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(`debug ${name}`);
    try {
      await entry.waitFor({ timeout: 10000 });
      break;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt === 5) {
        throw new Error(`"${name}" never showed in quick open: ${error.message}`);
      }
    }
  }
  await page.keyboard.press('Enter');
  await setPane(page, 'Call Stack', true);
  await step(`the stop of "${name}" in Call Stack`, page.locator('.debug-call-stack').getByText(reason).first().waitFor({ timeout: WAIT }));

  // The stop is seen; the kernel views get the side bar's height.
  for (const title of ['Variables', 'Watch', 'Call Stack', 'Loaded Scripts', 'Breakpoints']) {
    await setPane(page, title, false);
  }
  for (const title of ['Endpoint Queues', 'Fault IPC', 'Capabilities', 'Trapframe']) {
    await setPane(page, title, true);
  }
  await step(`the Trapframe view's rows for "${name}"`,
    page.locator('.pane', { hasText: 'Trapframe' }).locator('.monaco-list-row', { hasText: 'Cause' }).first().waitFor({ timeout: WAIT }));
  if (!arranged) {
    // A wider side bar, so that rows show their descriptions whole, and no panel below the editor.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    const edge = sidebar.x + sidebar.width - 1;
    await page.mouse.move(edge, sidebar.y + sidebar.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge + 420, sidebar.y + sidebar.height / 2, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.press('Control+J');
    arranged = true;
  }
  // Room for each view: the queues need little, the fault and the registers more.
  await movePaneTop(page, 'Fault IPC', 360);
  await movePaneTop(page, 'Capabilities', 760);
  await movePaneTop(page, 'Trapframe', 990);
  await beforeScreenshot();
  // Over the editor's scroll bar, so that no hover covers anything.
  await page.mouse.move(1670, 700);
  await page.waitForTimeout(1500);
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, screenshot) });
  return readViews(page);
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

    const attach = await debugSession(page, 'Attach to the fault loop', /user exception/i, 'attach-fault-views.png');
    expectRow(attach, 'endpoints', /send · 2 queued/);
    expectRow(attach, 'endpoints', /client-1 \(#\d+\)\s*blocked on send · badge 0x11/);
    expectRow(attach, 'faults', /UserException: faulter/);
    expectRow(attach, 'faults', /Fault IPC\s*faulter → endpoint #\d+ \(badge 0x42\) → thread #\d+/);
    expectRow(attach, 'capabilities', /CNode #1 \(root\)/);
    expectRow(attach, 'trapframe', /Cause\s*3: breakpoint/);

    // A thread picked in Call Stack: Capabilities and Trapframe follow it (debug.activeStackItem).
    await setPane(page, 'Call Stack', true);
    await page.locator('.debug-call-stack .monaco-list-row', { hasText: 'client-1' }).first().click();
    await step('the Trapframe view following client-1',
      page.locator('.pane', { hasText: 'Trapframe' }).locator('.monaco-list-row', { hasText: /client-1 \(#\d+\), blocked on send/ })
        .first().waitFor({ timeout: WAIT }));
    await page.keyboard.press('Shift+F5');
    await step('the end of the attach session',
      page.locator('.debug-call-stack .monaco-list-row').first().waitFor({ state: 'detached', timeout: WAIT }));
    if (listener.child.exitCode !== null) {
      throw new Error('disconnecting an attach session ended the machine');
    }

    // The attach session's editor goes: traps stops in code it wrote at run time, which has no source.
    await page.keyboard.press('F1');
    await page.keyboard.type('View: Close All Editors');
    await step('"Close All Editors" in the command palette',
      page.locator('.quick-input-list .monaco-list-row', { hasText: 'View: Close All Editors' }).first().waitFor({ timeout: WAIT }));
    await page.keyboard.press('Enter');
    // VS Code opens no editor for a stop without source: the disassembly view shows the faulting load.
    const launch = await debugSession(page, 'Launch traps', /vm fault/i, 'launch-vmfault-views.png', async () => {
      await setPane(page, 'Call Stack', true);
      // The faulting thread's frame has no source, so VS Code leaves the thread closed: open it.
      await page.locator('.debug-call-stack .monaco-list-row', { hasText: 'no-handler-load' }).first().click();
      await page.keyboard.press('ArrowRight');
      // Focused first: the menu's "Open Disassembly View" needs a focused frame.
      const frame = page.locator('.debug-call-stack .monaco-list-row .stack-frame').first();
      await step('the faulting thread\'s frame in Call Stack', frame.click({ timeout: WAIT }));
      await frame.click({ button: 'right' });
      const item = page.locator('.monaco-menu .action-item:not(.disabled) .action-label', { hasText: 'Open Disassembly View' }).first();
      await step('"Open Disassembly View" in the frame\'s menu', item.hover({ timeout: WAIT }));
      await page.keyboard.press('Enter');
      await step('the disassembly of the faulting load',
        page.locator('.disassembly-view').getByText(/ld\s+t0,\s*0\(a0\)/).first().waitFor({ timeout: WAIT }));
      await setPane(page, 'Call Stack', false);
    });
    expectRow(launch, 'trapframe', /Cause\s*13: load page fault/);
    expectRow(launch, 'trapframe', /tval\s*0x50000000/);
    expectRow(launch, 'faults', /\[3\] VMFault: no-handler-load/);
    expectRow(launch, 'endpoints', /No endpoints or notifications exist yet/);
    console.log(`e2e: attach (stop on a fault, thread selection, detach) and launch (stop on a fault) in VS Code; screenshots in ${screenshots}`);
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
