import { describe, expect, it } from 'vitest';
import { countPassed, createLessonProgress } from '../../../src/notebook/store/progress';

import { memoryStorage } from '../support/memory-storage';

describe('lesson progress', () => {
  it('keeps passes per lesson, keyed by exercise id, under a versioned key', () => {
    const storage = memoryStorage();
    const a = createLessonProgress(() => storage, '/tensores/');
    expect(a.markPassed('maior-nota')).toEqual({ ok: true });
    expect(a.markPassed('maior-nota')).toEqual({ ok: true });
    expect([...a.passed()]).toEqual(['maior-nota']);
    expect(createLessonProgress(() => storage, '/camadas/').passed().size).toBe(0);
    expect(storage.getItem('anatomia:progress:v1:/tensores/')).toContain('"maior-nota"');
  });
  it('counts only the ids the lesson has today; a removed exercise’s pass is kept, not counted', () => {
    const storage = memoryStorage();
    const p = createLessonProgress(() => storage, '/x/');
    p.markPassed('velho');
    p.markPassed('novo');
    expect(countPassed(() => storage, '/x/', ['novo', 'outro'])).toBe(1);
    expect(p.passed().has('velho')).toBe(true);
  });
  it('reset removes the lesson’s progress and saved edits (both formats), nothing else', () => {
    const storage = memoryStorage();
    storage.setItem('anatomia:notebook:v2:/x/:abc', '{}');
    storage.setItem('anatomia:notebook:v1:/x/:0', '{}');
    storage.setItem('anatomia:notebook:v2:/y/:abc', '{}');
    storage.setItem('outra-coisa', '1');
    const p = createLessonProgress(() => storage, '/x/');
    p.markPassed('a');
    expect(p.reset()).toEqual({ ok: true });
    expect(p.passed().size).toBe(0);
    expect(
      Object.keys(
        Object.fromEntries([...Array(storage.length)].map((_, i) => [storage.key(i), 1])),
      ),
    ).toEqual(['anatomia:notebook:v2:/y/:abc', 'outra-coisa']);
  });
  it('corrupt data is never overwritten by a new pass; blocked storage reports why', () => {
    const storage = memoryStorage();
    storage.setItem('anatomia:progress:v1:/x/', '{not json');
    const p = createLessonProgress(() => storage, '/x/');
    expect(p.passed().size).toBe(0);
    expect(p.markPassed('a')).toEqual({ ok: false, reason: 'dados salvos corrompidos' });
    expect(storage.getItem('anatomia:progress:v1:/x/')).toBe('{not json');
    const blocked = createLessonProgress(() => {
      throw new DOMException('no', 'SecurityError');
    }, '/x/');
    expect(blocked.passed().size).toBe(0);
    expect(blocked.reset()).toEqual({ ok: false, reason: 'armazenamento bloqueado' });
  });
});
