import { describe, expect, it } from 'vitest';
import { splitShortFlags } from '../../../src/cli/program/short-flags.js';
import { allCommands, programFor } from '../../helpers/in-process.js';

// splitShortFlags runs before commander, so it keeps its own lists of which options take a value; these tests
// hold those lists to the options the program really has, so that a new option cannot drift out of them.

const { program } = programFor('en');
const options = allCommands(program).flatMap(({ command }) => command.options);

describe('splitShortFlags agrees with every option of the program', () => {
  it('every short option without a value splits out of a group; every one with a value keeps the rest as its value', () => {
    const shorts = [
      ...new Set(options.flatMap((o) => (o.short === undefined ? [] : [{ short: o.short, takes: o.required || o.optional }])).map((s) => JSON.stringify(s))),
    ].map((s) => JSON.parse(s) as { short: string; takes: boolean });
    expect(shorts.length).toBeGreaterThan(8);
    for (const { short, takes } of shorts) {
      if (short === '-V') continue; // the program's --version, not a command's: never grouped
      const letter = short.slice(1);
      expect(splitShortFlags([`-n${letter}x`]), short).toEqual(takes ? ['-n', `-${letter}x`] : ['-n', `-${letter}`, '-x']);
    }
  });

  it('the word after every option that takes a value is never split, whatever it looks like', () => {
    const valued = [...new Set(options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined)))];
    expect(valued).toContain('--from');
    for (const flag of valued) expect(splitShortFlags([flag, '-nq']), flag).toEqual([flag, '-nq']);
    // Negative control: the same word alone is a group.
    expect(splitShortFlags(['-nq'])).toEqual(['-n', '-q']);
  });
});
