/** Test helper: the `equilens` command from the sources (`node --import tsx run-cli.ts ARGS…`), no build needed. */
import { main } from '../main.js';

process.exitCode = await main(process.argv);
