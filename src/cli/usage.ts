/** What `shardcheck --help` prints. */
export const USAGE = `Usage: shardcheck [command] [options]

Simulates the AWS Lambda event source mapping over DynamoDB Streams in virtual time
and runs a real handler against it.

Commands:
  demo        Run the built-in scenario against the example projection handler,
              print its trace, and check the projection (default)
  explain     Render a stored trace (summary, per-shard timeline, verdict) or
              describe a stored scenario: shardcheck explain <trace.json|scenario.json>
  replay      Re-run a stored scenario against a handler module:
              shardcheck replay <scenario.json> --handler <module[#export]>
  help        Print this help; \`shardcheck help <command>\` for one command

Options:
  -h, --help  Print this help (after a command: that command's help)

Exit codes:
  0  pass (the run or the stored trace satisfies every checked invariant)
  1  an invariant was violated (or the command failed while running)
  2  usage error: bad flags, missing or unreadable files, a module without that export

Rule ids in reports (R1..R65, I1..I6) are explained in docs/rules.md of the package
(node_modules/shardcheck/docs/rules.md); the words in docs/glossary.md.
`;

/** What `shardcheck explain --help` prints. */
export const EXPLAIN_USAGE = `Usage: shardcheck explain <trace.json|scenario.json> [--scenario <scenario.json>]

A stored trace (the serializeTrace format): prints its summary and per-shard timeline, then the
verdict of the built-in invariants. The verdict needs the scenario the trace was run from: given
with --scenario, or found next to the trace (<name>.scenario.json next to <name>.json, or
<name>.json next to <name>.trace.json).

A stored scenario (a regression-corpus file from .shardcheck/, or a plain ScenarioParameters
JSON): prints what it contains in compact notation (table, mapping, stream records, faults), then
the whole timeline of its failing run when that run's trace is stored next to it as
<name>.trace.json, or else the command to replay it against a handler.

Options:
  --scenario <file>  The scenario of the trace (default: the one stored next to it)
  -h, --help         Print this help

Exit codes: 0 printed (verdict valid or not computed), 1 the verdict shows a violated
invariant, 2 usage error (missing or unreadable file, not a trace or scenario).
`;

/** What `shardcheck replay --help` prints. */
export const REPLAY_USAGE = `Usage: shardcheck replay <scenario.json> (--handler <module[#export]> | --factory <module[#export]>)
                        [--deps <module[#export]>] [--invariant <module[#export]>]

Runs a stored scenario (a regression-corpus file from .shardcheck/, or a plain ScenarioParameters
JSON) once against your handler in virtual time, checks the built-in invariants and then your
invariant, and prints the verdict, with the failure report when it fails.

Modules are paths relative to the working directory; #export names the export to use. JavaScript
(.js, .mjs, .cjs) loads as is; TypeScript (.ts, .mts, .cts) loads through the tsx installed in
your project, which shardcheck registers itself (without it: npm i -D tsx).
  --handler <m[#e]>    The handler (event, context) => response, used for every environment.
                       Default export: "default", then "handler".
  --factory <m[#e]>    A factory (deps, env) => handler, called per execution environment (cold
                       start) with the fault-injecting proxy of the deps, like checkStreamHandler's
                       createHandler. Default export: "default", then "createHandler".
  --deps <m[#e]>       A function () => deps object; fresh deps for the run. Default export:
                       "default", then "deps". Without it the deps are {}. Only a --factory
                       handler gets them (as the fault-injecting proxy); the invariant gets the
                       real object.
  --invariant <m[#e]>  Your invariant ({ deps, model, trace }) => void, checked after the
                       built-in ones; throwing fails the run. Default export: "default", then
                       "invariant".
  -h, --help           Print this help

Give exactly one of --handler and --factory.

Exit codes: 0 pass, 1 invariant violated, 2 usage error (bad flags, missing files, a module
without that export, a scenario file that does not validate).
`;
