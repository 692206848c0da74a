import { chromium } from 'playwright-core';
import { statSync } from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
for (const f of process.argv.slice(2)) {
  for (const width of [1280, 390]) {
    const p = await b.newPage({ viewport: { width, height: 900 } });
    await p.goto('file://' + f);
    const h = await p.evaluate(() => document.documentElement.scrollHeight);
    const sw = await p.evaluate(() => document.documentElement.scrollWidth);
    console.log(f, width, 'height', h, 'scrollWidth', sw, 'bytes', statSync(f).size);
    await p.close();
  }
}
await b.close();
