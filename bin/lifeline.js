#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so an installed Lifeline needs no build step.
import { register } from 'tsx/esm/api';

register();
// main.ts runs itself only when it is the script named on the command line, which here it is not.
const { runCli } = await import('../src/cli/main.ts');
const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
