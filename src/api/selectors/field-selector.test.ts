import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFieldSelector } from './field-selector.ts';

describe('field selectors', () => {
  it('matches = and != with escapes', () => {
    const s = parseFieldSelector('metadata.name=a\\,b,status.phase!=Running');
    assert.equal(s.matches({ 'metadata.name': 'a,b', 'status.phase': 'Pending' }), true);
    assert.equal(s.matches({ 'metadata.name': 'a,b', 'status.phase': 'Running' }), false);
    assert.equal(s.requirements.length, 2);
  });
  it('rejects requirements without an operator', () => {
    assert.throws(() => parseFieldSelector('metadata.name'), /invalid selector/);
  });
});
