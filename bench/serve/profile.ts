/**
 * bench/serve/profile.ts: where the server spends its CPU under the bench load. Profiles this process (the
 * server; autocannon runs in a child) with the V8 sampling profiler over one case and prints the functions
 * and the files with the most self time. Not a benchmark (no peer): run it to decide what to speed up.
 *   BENCH_SECONDS=10 BENCH_CASE=0 node --import tsx bench/serve/profile.ts   (TOP=n rows; 1 = the API call;
 *   PROFILE_OUT=file.cpuprofile keeps the profile for Chrome DevTools)
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { benchServer, load, SECONDS } from './setup.js';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}
const TOP = Number(process.env.TOP ?? 25);
const { server, headers, cases, close } = await benchServer();
const c = cases[Number(process.env.BENCH_CASE ?? 0)]!;
await load(server.url + c.path, headers, 2); // warm-up: memo caches filled, code optimised
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const r = await load(server.url + c.path, headers, SECONDS);
const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: Node[] } };
await close();
if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));

const total = profile.nodes.reduce((a, n) => a + n.hitCount, 0);
const short = (url: string) => url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/src\//, 'src/');
function top(key: (n: Node) => string): void {
  const by = new Map<string, number>();
  for (const n of profile.nodes) by.set(key(n), (by.get(key(n)) ?? 0) + n.hitCount);
  for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
}
console.log(
  `${c.name}: ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms, CPU ${r.cpuUs.toFixed(0)} µs/request (profiled)\n\nself time by function:`,
);
top(
  (n) =>
    `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`,
);
console.log('\nself time by file:');
top((n) => short(n.callFrame.url) || n.callFrame.functionName);
// Who calls the costliest native and runtime functions: self time by the nearest caller in src/ or a package.
const parent = new Map<number, Node>();
for (const n of profile.nodes) for (const k of n.children ?? []) parent.set(k, n);
const name = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
function owner(n: Node): string {
  for (let p: Node | undefined = n; p; p = parent.get(p.id))
    if (/src\/|node_modules/.test(p.callFrame.url)) return name(p);
  return '(node internals only)';
}
console.log('\nself time by nearest caller in src/ or node_modules:');
top(owner);
