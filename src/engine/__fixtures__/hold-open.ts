/**
 * Test helper run as its own process: `node --import tsx hold-open.ts WS MARKERS ID MODE WAIT_MS`. Opens the
 * workspace (MODE `ro` read-only, `rw` read-write), lists its versions, says so in MARKERS/ID, waits until
 * the peer's marker is there (both open at once; at most WAIT_MS), lists again, and prints the versions as JSON.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listDatasets, openWorkspace } from '../workspace.js';

const [ws, markers, id, mode, wait] = process.argv.slice(2) as [string, string, string, string, string];
const workspace = await openWorkspace(ws, { readOnly: mode === 'ro' });
const first = (await listDatasets(workspace.engine)).map((d) => d.version);
writeFileSync(join(markers, id), '');
const deadline = Date.now() + Number(wait);
while (readdirSync(markers).length < 2 && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 50));
}
const both = readdirSync(markers).length >= 2 && existsSync(join(markers, id));
const second = (await listDatasets(workspace.engine)).map((d) => d.version);
await workspace.close();
process.stdout.write(JSON.stringify({ first, second, both }));
