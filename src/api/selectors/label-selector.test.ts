import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseLabelSelector, selectorFromObject, selectorToString } from './label-selector.ts';
import { StatusError } from '../errors.ts';

describe('label selectors', () => {
  it('parses equality, set and existence requirements', () => {
    const s = parseLabelSelector('app=web,tier!=db,env in (prod, staging),!legacy,track');
    assert.equal(s.matches({ app: 'web', tier: 'fe', env: 'prod', track: 'x' }), true);
    assert.equal(s.matches({ app: 'web', tier: 'db', env: 'prod', track: 'x' }), false);
    assert.equal(s.matches({ app: 'web', env: 'dev', track: 'x' }), false);
    assert.equal(s.matches({ app: 'web', env: 'prod', track: 'x', legacy: 'y' }), false);
    assert.equal(s.matches({ app: 'web', env: 'prod' }), false);
    assert.deepEqual(s.equalities, [['app', 'web']]);
  });
  it('treats == like = and notin like !=', () => {
    const s = parseLabelSelector('a==1,b notin (x,y)');
    assert.equal(s.matches({ a: '1' }), true);
    assert.equal(s.matches({ a: '1', b: 'x' }), false);
  });
  it('compares numbers with > and <', () => {
    const s = parseLabelSelector('n>3,m<10');
    assert.equal(s.matches({ n: '4', m: '9' }), true);
    assert.equal(s.matches({ n: '3', m: '9' }), false);
  });
  it('empty selects everything', () => {
    assert.equal(parseLabelSelector('').matches(undefined), true);
  });
  it('rejects malformed input with 400', () => {
    for (const bad of ['a=b,,c', 'a in b', '=x', 'a=b c']) {
      assert.throws(() => parseLabelSelector(bad), (e: unknown) => e instanceof StatusError && e.code === 400, bad);
    }
  });
  it('converts LabelSelector objects; null selects nothing', () => {
    assert.equal(selectorFromObject(null), null);
    const s = selectorFromObject({ matchLabels: { app: 'a' }, matchExpressions: [{ key: 'k', operator: 'In', values: ['1', '2'] }] })!;
    assert.equal(s.matches({ app: 'a', k: '2' }), true);
    assert.equal(s.matches({ app: 'a' }), false);
    assert.equal(selectorToString(s), 'app=a,k in (1,2)');
  });
});
