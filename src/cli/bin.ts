/** The command's entry point (bundled into `dist/bundle/bin.js`): run the CLI, set the exit code. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
