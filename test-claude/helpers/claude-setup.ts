import type { TestProject } from 'vitest/node';
import { findClaude, HOW_TO_GET_IT, isCI } from './pinned.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the Claude Code binary, or '' when the suite must skip. */
    claudeBin: string;
    claudeVersion: string;
  }
}

/**
 * Find the Claude Code binary once for the whole suite. Under CI=true a missing or non-runnable binary
 * fails the run; locally the suite says how to get it and skips.
 */
export default function setup(project: TestProject): void {
  const found = findClaude();
  if (!found.ok) {
    if (isCI()) throw new Error(`test:claude needs the real Claude Code under CI=true, but ${found.why}. ${HOW_TO_GET_IT}`);
    process.stderr.write(`\n[test:claude] SKIPPING the real Claude Code suite: ${found.why}.\n[test:claude] ${HOW_TO_GET_IT}\n\n`);
    project.provide('claudeBin', '');
    project.provide('claudeVersion', '');
    return;
  }
  process.stderr.write(`\n[test:claude] proving against Claude Code ${found.version}: ${found.bin}\n`);
  project.provide('claudeBin', found.bin);
  project.provide('claudeVersion', found.version);
}
