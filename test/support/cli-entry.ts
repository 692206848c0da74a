/** The CLI from sources, for tests that spawn it (and kill it): `node --import tsx cli-entry.ts …`. */
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv);
