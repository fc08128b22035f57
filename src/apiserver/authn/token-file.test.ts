import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTokenFile } from './token-file.ts';

describe('token file', () => {
  it('reads token,user,uid,groups lines', () => {
    const m = parseTokenFile('# comment\nabc,alice,1,"dev,ops"\n\nxyz,bob,,\n');
    assert.deepEqual(m.get('abc'), { name: 'alice', uid: '1', groups: ['dev', 'ops'] });
    assert.deepEqual(m.get('xyz'), { name: 'bob', uid: undefined, groups: [] });
  });
  it('names the bad line', () => {
    assert.throws(() => parseTokenFile('onlytoken\n', 'f.csv'), /f.csv: line 1/);
  });
});
