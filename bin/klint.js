#!/usr/bin/env node
'use strict';
// Runs the CLI bundle with the V8 code cache `npm run build` makes for it: compiling the bundle
// is most of what klint's start-up costs above Node's own (bench/run.mjs measures it). The cache
// is used only with the exact bundle it was made from: both start with the bundle's build stamp
// (`// klint build <hash of the code>`, scripts/build.mjs). V8 refuses a cache made by another
// Node version; either way the bundle is then compiled as usual.
// This file is CommonJS (bin/package.json): Node starts it without its ES module loader.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const bundle = join(dist, 'cli.cjs');
const cacheFile = `${bundle}.cache`;
const source = readFileSync(bundle, 'utf8');
const stamp = /^\/\/ klint build [0-9a-f]{16}\n/.exec(source)?.[0];
const stampBytes = stamp === undefined ? undefined : Buffer.from(stamp, 'latin1');

function cachedCode() {
  if (!stampBytes) return undefined;
  try {
    const cache = readFileSync(cacheFile);
    return cache.subarray(0, stampBytes.length).equals(stampBytes) ? cache.subarray(stampBytes.length) : undefined;
  } catch {
    return undefined;
  }
}

const cachedData = cachedCode();
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`,
  { filename: bundle, ...(cachedData ? { cachedData } : {}) });

// Set by scripts/build.mjs: the cache is written after a run so that it holds the functions the
// run compiled, not only the top level.
if (process.env.KLINT_WRITE_CODE_CACHE === '1' && stampBytes) {
  process.once('exit', () => {
    writeFileSync(`${cacheFile}.tmp`, Buffer.concat([stampBytes, script.createCachedData()]));
    renameSync(`${cacheFile}.tmp`, cacheFile);
  });
}

const cliModule = { exports: {} };
script.runInThisContext()(cliModule.exports, require, cliModule, bundle, dist);
