'use strict';
// Unpacks the .vsix the build made, as `code --install-extension` does: its extension/ folder is
// what VS Code runs as the extension's path.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pipeline } = require('node:stream/promises');
const yauzl = require('yauzl');

const VSIX = path.join(__dirname, '..', 'target', 'faultline-0.1.0.vsix');

/** Extracts every entry of `file` under a new temporary folder; answers that folder's extension/. */
async function installVsix(file = VSIX) {
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: the Maven build's package phase makes it (npm run package)`);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-vsix-'));
  // yauzl refuses entry names that are absolute or climb out with "..".
  const zip = await yauzl.openPromise(file);
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) {
        continue;
      }
      const target = path.join(root, entry.fileName);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), fs.createWriteStream(target));
    }
  } finally {
    zip.close();
  }
  return path.join(root, 'extension');
}

module.exports = { installVsix, VSIX };
