/** `node bench/simulate-child.ts N`: one simulation size in its own process; the figure as JSON on stdout. */
import { measureSimulation } from './simulation.ts';

const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n <= 0) throw new Error('usage: node bench/simulate-child.ts <cases>');
const figure = await measureSimulation(n, (ms) => process.stderr.write(`  … ${n} cases: ${Math.round(ms / 1000)} s\n`));
process.stdout.write(JSON.stringify(figure));
