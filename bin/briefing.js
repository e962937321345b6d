#!/usr/bin/env node
// Entry point for `npx briefing`. The project ships TypeScript sources and runs them
// through tsx, so `npm ci` is the only install step (no compile step to forget).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
