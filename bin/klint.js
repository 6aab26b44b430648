#!/usr/bin/env node
'use strict';
// Runs the CLI bundle with the V8 code cache `npm run build` makes for it: compiling the bundle
// is most of what klint's start-up costs above Node's own (bench/run.mjs measures it). The cache
// is used only with the exact bundle it was made from (it starts with the bundle's hash), and V8
// refuses one made by another Node version; either way the bundle is then compiled as usual.
// This file is CommonJS (bin/package.json): Node starts it without its ES module loader.
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const bundle = join(dist, 'cli.cjs');
const cacheFile = `${bundle}.cache`;
const source = readFileSync(bundle, 'utf8');
const hash = createHash('sha256').update(source).digest();

function cachedCode() {
  try {
    const cache = readFileSync(cacheFile);
    return cache.subarray(0, hash.length).equals(hash) ? cache.subarray(hash.length) : undefined;
  } catch {
    return undefined;
  }
}

const cachedData = cachedCode();
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`,
  { filename: bundle, ...(cachedData ? { cachedData } : {}) });

// Set by scripts/build.mjs: the cache is written after a run so that it holds the functions the
// run compiled, not only the top level.
if (process.env.KLINT_WRITE_CODE_CACHE === '1') {
  process.once('exit', () => {
    writeFileSync(`${cacheFile}.tmp`, Buffer.concat([hash, script.createCachedData()]));
    renameSync(`${cacheFile}.tmp`, cacheFile);
  });
}

const cliModule = { exports: {} };
script.runInThisContext()(cliModule.exports, require, cliModule, bundle, dist);
