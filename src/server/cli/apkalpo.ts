import { runCli } from './cli';

// `npm run apkalpo -- <command>`: the operator's entry point.
process.exitCode = await runCli(process.argv.slice(2));
