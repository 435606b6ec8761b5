#!/usr/bin/env node
// Wait until a URL answers 200 (and, with --contains, its body holds a string); print the body.
//   node scripts/wait-http.mjs http://127.0.0.1:3000/api/health [--timeout 120] [--contains text] [--pid N]
// Exits 1 on timeout, or as soon as process --pid is gone.
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { timeout: { type: 'string', default: '120' }, contains: { type: 'string' }, pid: { type: 'string' } },
});
const url = positionals[0];
const deadline = Date.now() + Number(values.timeout) * 1000;
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
while (Date.now() < deadline) {
  if (values.pid && !alive(Number(values.pid))) break;
  try {
    const res = await fetch(url);
    const body = await res.text();
    if (res.ok && (!values.contains || body.includes(values.contains))) {
      console.log(body.slice(0, 300));
      process.exit(0);
    }
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 200));
}
console.error(`no answer from ${url}`);
process.exit(1);
