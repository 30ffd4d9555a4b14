#!/usr/bin/env node
// Node 22.1+ caches compiled code between runs; on older versions this is a no-op.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/bundle/bin.js');
