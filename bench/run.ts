// `npm run bench`: every benchmark, on SQLite then PostgreSQL, one after another (never at the
// same time, so they do not compete for the CPU). Each prints a Markdown table for bench/README.md.
//
//   npm run bench [-- --databases sqlite,postgres] [--duration 10] [--rounds 1] [--runs 1]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { databaseKind, parseOptions, positiveInteger, repoRoot } from './support.ts';

const options = parseOptions(process.argv.slice(2), { databases: 'sqlite,postgres', duration: '10', rounds: '1', runs: '1' });
const databases = options.databases.split(',').map(databaseKind);
const duration = String(positiveInteger('duration', options.duration));
const rounds = String(positiveInteger('rounds', options.rounds));
const runs = String(positiveInteger('runs', options.runs));

let failures = 0;
for (const database of databases) {
  for (const [script, extra] of [['bench/http.ts', ['--duration', duration, '--rounds', rounds]], ['bench/startup.ts', ['--runs', runs]]] as const) {
    // The same Node with the same loader flags (tsx) as this process.
    const child = spawn(process.execPath, [...process.execArgv, script, '--database', database, ...extra], { cwd: repoRoot, stdio: 'inherit' });
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) failures += 1;
    process.stdout.write('\n');
  }
}
if (failures > 0) process.stderr.write(`${failures} benchmark(s) failed\n`);
process.exitCode = failures > 0 ? 1 : 0;
