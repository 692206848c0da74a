/**
 * CLI wording for the step that fixes an error (`details.next`, src/errors.ts): library messages say what
 * is wrong in words a web page can show too; the command line adds which command or option to use.
 */
import { EquilensError, type NextStep } from '../errors.js';

export const CLI_HINTS: Readonly<Record<NextStep, string>> = {
  create_config: 'Run `equilens init` to create one, or pass --config PATH.',
  ingest: 'Run `equilens ingest` first.',
  ingest_workforce: 'Run `equilens ingest --workforce --config equilens.yaml` first.',
  analyze: 'Run `equilens analyze` first, or pass --results PATH.',
  analyze_public:
    'Run `equilens analyze` with suppression.threshold of at least 11 and suppression.complementary on (it writes results.public.json) and pass `--results out/results.public.json --audience public`.',
  workspace_missing: 'Run `equilens ingest` first, or pass --workspace DIR.',
  workspace_busy: 'Wait for the other command to finish, or use another --workspace.',
  input_path: 'Set sources[].path in the config, or pass --data FILE.',
  serve: 'Start it with `equilens serve --config equilens.yaml`.',
  audit_model: 'Run `equilens audit-model --out DIR` first, and pass the audit.json it wrote.',
  audit_model_public: 'Run `equilens audit-model ... --audience public --out DIR` for a public report.',
  list_datasets: 'Run `equilens datasets` to list versions.',
  rerun_analysis: 'Run `equilens analyze` again to write a complete output set.',
  synth_spec: 'See src/synth/spec.ts for the spec format, or start from `equilens synth --print-spec`.',
};

/** `e` with its fix in CLI words when it names a next step (the library's own fix otherwise). */
export function withCliHint(e: EquilensError): EquilensError {
  const next = e.details.next;
  if (!next || !(next in CLI_HINTS)) return e;
  const fix = CLI_HINTS[next];
  const out = new EquilensError(e.code, e.message, { ...e.details, fix }, { cause: e.cause ?? e });
  if (e.stack) out.stack = e.stack;
  return out;
}
