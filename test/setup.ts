/** Every property and fuzz test runs with a fixed seed, so a failure reproduces on the next run. */
import fc from 'fast-check';

fc.configureGlobal({ seed: 20261201 });
