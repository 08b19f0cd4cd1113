// Preloaded into the server by the safety tests (NODE_OPTIONS=--require <this file>). Records, and refuses,
// anything that would reach the network or execute a program; records every file-system write. Each record is a
// JSON line appended to $CORROBORATE_GUARD_LOG. Also records a `require` of any module inside
// $CORROBORATE_GUARD_WORKSPACE (code from the user's folder must never run).
'use strict';
const fs = require('fs');
const path = require('path');
const Module = require('module');

const LOG = process.env.CORROBORATE_GUARD_LOG;
const WORKSPACE = process.env.CORROBORATE_GUARD_WORKSPACE;
// The log is opened once, before anything is patched, and written with fs.writeSync (never patched).
const logFd = LOG ? fs.openSync(LOG, 'a') : undefined;
const writeSync = fs.writeSync;
function record(kind, detail) {
  if (logFd === undefined) return;
  try {
    writeSync(logFd, JSON.stringify({ kind, detail: String(detail).slice(0, 300), pid: process.pid }) + '\n');
  } catch {
    /* nowhere to report */
  }
}
function refuse(kind, detail) {
  record(kind, detail);
  throw new Error(`refused by the test guard: ${kind} ${detail}`);
}
const describe = (args) => {
  try {
    return JSON.stringify(args.map((a) => (typeof a === 'function' ? 'fn' : a && typeof a === 'object' && !Array.isArray(a) ? Object.keys(a).join(',') + ':' + (a.host || a.hostname || a.path || a.href || '') : a)));
  } catch {
    return '?';
  }
};

record('loaded', process.argv.slice(1).join(' '));

// Network.
const net = require('net');
net.Socket.prototype.connect = function (...args) { return refuse('net.Socket.connect', describe(args)); };
for (const name of ['connect', 'createConnection']) net[name] = (...args) => refuse(`net.${name}`, describe(args));
for (const mod of ['http', 'https']) {
  const m = require(mod);
  m.request = (...args) => refuse(`${mod}.request`, describe(args));
  m.get = (...args) => refuse(`${mod}.get`, describe(args));
}
require('tls').connect = (...args) => refuse('tls.connect', describe(args));
require('http2').connect = (...args) => refuse('http2.connect', describe(args));
require('dgram').createSocket = (...args) => refuse('dgram.createSocket', describe(args));
const dns = require('dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'lookupService']) {
  dns[name] = (...args) => refuse(`dns.${name}`, describe(args));
  if (dns.promises[name]) dns.promises[name] = async (...args) => refuse(`dns.promises.${name}`, describe(args));
}
if (typeof globalThis.fetch === 'function') globalThis.fetch = async (...args) => refuse('fetch', describe(args));

// Programs.
const cp = require('child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) cp[name] = (...args) => refuse(`child_process.${name}`, describe(args));
// Worker threads are the server's own (analysis pool): recorded with their script, so the test can check that
// each one runs the server's code; the guard is preloaded in them too.
const wt = require('worker_threads');
const RealWorker = wt.Worker;
wt.Worker = class extends RealWorker {
  constructor(script, options) {
    if (options && options.eval) refuse('worker_threads.Worker eval', String(script).slice(0, 100));
    record('worker', script instanceof URL ? script.href : String(script));
    super(script, options);
  }
};

// Code from the workspace.
if (WORKSPACE) {
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const resolved = resolve.call(this, request, ...rest);
    if (typeof resolved === 'string' && resolved.startsWith(WORKSPACE + path.sep)) refuse('require-from-workspace', resolved);
    return resolved;
  };
}

// File-system writes: recorded (not refused), the test decides which are allowed.
const writeFlags = (flags) => typeof flags === 'string' && /[wa+]/.test(flags);
const wrap = (obj, name, pathOf, label) => {
  const original = obj[name];
  if (typeof original !== 'function') return;
  obj[name] = function (...args) {
    const target = pathOf(args);
    if (target !== undefined) record('fs-write', `${label}${name} ${target}`);
    return original.apply(this, args);
  };
};
const first = (args) => String(args[0]);
const both = (args) => `${args[0]} -> ${args[1]}`;
for (const [obj, label] of [[fs, 'fs.'], [fs.promises, 'fs.promises.']]) {
  for (const name of ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'truncate', 'truncateSync', 'chmod', 'chmodSync', 'utimes', 'utimesSync', 'createWriteStream']) {
    wrap(obj, name, first, label);
  }
  for (const name of ['rename', 'renameSync', 'copyFile', 'copyFileSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'cp', 'cpSync']) wrap(obj, name, both, label);
  for (const name of ['open', 'openSync']) wrap(obj, name, (args) => (writeFlags(args[1]) ? String(args[0]) : undefined), label);
}
