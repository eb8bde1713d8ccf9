#!/usr/bin/env node
// The package ships TypeScript sources for now: load them through tsx, then run the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
