import { runAllowance } from './allowance-command.js';

/** Entry of `npm run --silent allowance -- FILE` (see allowance-command.ts). */
const { stdout, stderr, code } = runAllowance(process.argv.slice(2));
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = code;
