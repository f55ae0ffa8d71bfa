import { describe, expect, it } from 'vitest';
import { byAgentName } from '../../../src/core/catalog/catalog.js';

describe('byAgentName', () => {
  it('orders names as a user reads a list: case aside, then by code point (never by the machine locale)', () => {
    const names = ['Zeta', 'jp-only', 'My_Agent', 'beta', 'alpha', 'ML-Engineer', 'ml-engineer', 'レビュー担当', '1st'];
    expect([...names].sort(byAgentName)).toEqual(['1st', 'alpha', 'beta', 'jp-only', 'ML-Engineer', 'ml-engineer', 'My_Agent', 'Zeta', 'レビュー担当']);
    // The plain code-point sort puts every capital first (control: the comparator changes something).
    expect([...names].sort()).not.toEqual([...names].sort(byAgentName));
    expect(byAgentName('a', 'a')).toBe(0);
  });
});
