/**
 * The action-plan parser's throughput: target ≥ 1 MB/s (MB = 10^6 bytes of UTF-8 input) on each
 * seed document and on a 2 MB concatenation of them. The floor it is compared with, in the same
 * run: one pass over the same string that only splits it into lines and tests one numbering regex
 * per line — the least any line-based parser must do.
 * Run: npx tsx bench/plan-parse.bench.ts [--runs 7]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePlan } from '../server/src/modules/plans/parser/index.js';
import { machine, median, report } from './lib.js';

const FIXTURES = join(import.meta.dirname, '..', 'server', 'src', 'modules', 'plans', 'parser', 'fixtures');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const RUNS = Math.max(3, Number(values.runs));
const WARMUP = 2;
const TARGET_MB_S = 1;
// Each timed run repeats the work until it has taken at least this long, so short seeds still
// give stable figures.
const MIN_RUN_MS = 200;

const seeds = readdirSync(FIXTURES)
  .filter((f) => f.startsWith('seed-'))
  .sort()
  .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(join(FIXTURES, f), 'utf8') }));

const concatenated = (() => {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 2_000_000; i++) {
    const text = seeds[i % seeds.length]!.text;
    parts.push(text);
    bytes += Buffer.byteLength(text) + 1;
  }
  return parts.join('\n');
})();

const NUMBERING = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[.、]|\(\d{1,2}\))/;

/** The floor: split into lines and test one numbering regex per line, nothing else. */
function splitAndTestFloor(text: string): number {
  let hits = 0;
  for (const line of text.split('\n')) if (NUMBERING.test(line)) hits++;
  return hits;
}

function parseOnce(text: string): number {
  return parsePlan(text).plan.items.length;
}

/** MB/s of `fn` over `text`: repeat until MIN_RUN_MS have passed, divide bytes by time. */
function throughput(text: string, fn: (t: string) => number): number {
  const bytes = Buffer.byteLength(text);
  let sink = 0;
  let reps = 0;
  const t0 = process.hrtime.bigint();
  let elapsedMs: number;
  do {
    sink += fn(text);
    reps++;
    elapsedMs = Number(process.hrtime.bigint() - t0) / 1e6;
  } while (elapsedMs < MIN_RUN_MS);
  if (sink === -1) console.log('');
  return (bytes * reps) / 1e6 / (elapsedMs / 1000);
}

const datasets = [...seeds, { name: 'concatenation of the seeds', text: concatenated }];
const lines: Record<string, string> = {
  machine: machine(),
  method: `${RUNS} runs (${WARMUP} warm-up) of ≥ ${MIN_RUN_MS} ms each, parser and floor alternating; median; MB = 10^6 bytes of UTF-8 input`,
};
let missed = false;
for (const { name, text } of datasets) {
  const parser: number[] = [];
  const floor: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    parser.push(throughput(text, parseOnce));
    floor.push(throughput(text, splitAndTestFloor));
  }
  const p = median(parser.slice(WARMUP));
  const f = median(floor.slice(WARMUP));
  if (p < TARGET_MB_S) missed = true;
  const size = `${(Buffer.byteLength(text) / 1e6).toFixed(3)} MB, ${text.split('\n').length} lines`;
  lines[name] = `${size}: parsePlan ${p.toFixed(2)} MB/s (target ≥ ${TARGET_MB_S}) · floor split+regex ${f.toFixed(1)} MB/s · ratio ${(f / p).toFixed(1)}× the floor's time`;
}
report('parsePlan throughput (action-plan policy documents)', lines);
if (missed) process.exitCode = 1;
