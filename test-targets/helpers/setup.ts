import type { TestProject } from 'vitest/node';
import { CLIENTS, type Client, findClient, HOW_TO_GET_THEM, isCI, type Program } from './pinned.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The clients found, by tool; a tool that is missing is absent and its tests skip (never under CI). */
    targetClients: Partial<Record<Client, Program>>;
  }
}

/**
 * Find the pinned clients once for the whole suite. Under CI=true a missing or non-runnable client fails the
 * run; locally the suite says how to get them and skips the tools it lacks.
 */
export default function setup(project: TestProject): void {
  const found: Partial<Record<Client, Program>> = {};
  const missing: string[] = [];
  for (const client of CLIENTS) {
    const result = findClient(client);
    if (result.ok) found[client] = { path: result.path, node: result.node, version: result.version };
    else missing.push(`${client}: ${result.why}`);
  }
  if (missing.length > 0) {
    if (isCI()) throw new Error(`test:targets needs the real clients under CI=true, but ${missing.join('; ')}. ${HOW_TO_GET_THEM}`);
    process.stderr.write(`\n[test:targets] SKIPPING the tools whose client is missing: ${missing.join('; ')}.\n[test:targets] ${HOW_TO_GET_THEM}\n\n`);
  }
  process.stderr.write(
    `\n[test:targets] proving against ${Object.entries(found)
      .map(([c, p]) => `${c} ${p.version}`)
      .join(', ')}\n`,
  );
  project.provide('targetClients', found);
}
