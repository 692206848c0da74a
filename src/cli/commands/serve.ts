import { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import { usageError } from '../../errors.js';
import { resolveWorkspaceDir } from '../../engine/workspace.js';
import { startServer } from '../../server/index.js';
import type { CliContext } from '../context.js';
import { commonOptions, withExamples } from '../options.js';
import { resolvePath } from '../paths.js';

interface ServeCliOptions {
  config: string;
  workspace?: string;
  host: string;
  port: string;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw usageError(`Invalid --port "${value}".`, {
      fix: 'Pass a port number between 0 and 65535, such as 8080.',
    });
  return n;
}

export function serveCommand(ctx: CliContext): Command {
  const cmd = new Command('serve')
    .description('serve the shared equity workspace (web pages and the JSON API)')
    .addOption(commonOptions.config())
    .addOption(commonOptions.workspace())
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', '8080')
    .action(async (opts: ServeCliOptions) => {
      const configDir = dirname(resolve(ctx.io.cwd, opts.config));
      const server = await startServer({
        workspace: resolveWorkspaceDir(configDir, resolvePath(ctx.io.cwd, opts.config, opts.workspace)),
        configPath: resolve(ctx.io.cwd, opts.config),
        host: opts.host,
        port: parsePort(opts.port),
        databaseUrl: process.env.DATABASE_URL,
        onInternalError: (err) =>
          ctx.io.err(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`),
      });
      ctx.io.out(`Equilens workspace on ${server.url} (store: ${server.store.kind})\n`);
      if (server.setupUrl)
        ctx.io.out(`First start: create the administrator at\n  ${server.setupUrl}\n(the link works once)\n`);
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
  return withExamples(
    cmd,
    'equilens serve --config equilens.yaml --port 8080',
    'DATABASE_URL=postgres://equilens@db/equilens equilens serve --host 0.0.0.0',
  );
}
