#!/usr/bin/env node
// The `equilens` command. An installed package ships dist/ (built by `npm pack`); in a checkout, the
// first run builds dist/ from the TypeScript sources (`npm run build` rebuilds it after a change). There
// is no `prepare` install script, so installing the package runs no script of Equilens's own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry) && existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  process.stderr.write('equilens: building dist/ from the sources (first run in a checkout)…\n');
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
