import { describe, expect, test } from 'vitest';
import type { Scheme } from '../../src/rules/types';
import {
  allocateColumns,
  BYTES_PER_PERSON,
  chunkBuffers,
  chunkBytes,
  compactColumns,
  headColumns,
  PERSON_COLUMNS,
  SchemeCode,
  SCHEMES,
} from '../../src/population/columns';

describe('person columns', () => {
  test('allocateColumns puts every column in one zero-filled buffer, each view aligned and of the asked length', () => {
    const c = allocateColumns(13);
    const buffer = c.familyId.buffer;
    for (const name of PERSON_COLUMNS) {
      const col = c[name];
      expect(col.buffer).toBe(buffer);
      expect(col.length).toBe(13);
      expect(col.byteOffset % col.BYTES_PER_ELEMENT).toBe(0);
      expect(Array.from(col).every((x) => x === 0)).toBe(true);
    }
    // Columns do not overlap: writing all-ones into each leaves the others intact.
    for (const name of PERSON_COLUMNS) c[name].fill(1);
    for (const name of PERSON_COLUMNS) expect(Array.from(c[name]).every((x) => x === 1)).toBe(true);
  });

  test('one person takes 38 bytes across the columns', () => {
    const c = allocateColumns(1);
    expect(PERSON_COLUMNS.reduce((s, name) => s + c[name].BYTES_PER_ELEMENT, 0)).toBe(BYTES_PER_PERSON);
    expect(BYTES_PER_PERSON).toBe(38);
  });

  test('headColumns are views; compactColumns copies into an exactly sized buffer', () => {
    const c = allocateColumns(100);
    c.age[3] = 42;
    const head = headColumns(c, 10);
    expect(head.age.buffer).toBe(c.age.buffer);
    expect(head.age.length).toBe(10);
    const compact = compactColumns(c, 10);
    expect(compact.age[3]).toBe(42);
    expect(compact.age.buffer).not.toBe(c.age.buffer);
    expect(compact.age.buffer.byteLength).toBe(16 * BYTES_PER_PERSON);
  });

  test('chunkBuffers lists each buffer once and chunkBytes sums them', () => {
    const cols = allocateColumns(8);
    const chunk = {
      ...cols,
      weight: 1,
      firstPosition: 0,
      familyCount: 1,
      personCount: 8,
      familyStart: new Uint32Array(2),
    };
    expect(chunkBuffers(chunk)).toHaveLength(2);
    expect(chunkBytes(chunk)).toBe(8 * BYTES_PER_PERSON + 8);
  });

  test('scheme codes follow the rules’ Scheme names', () => {
    const names: Scheme[] = ['employee-account', 'employee-pooling-only', 'resident', 'uninsured'];
    expect(SCHEMES).toEqual(names);
    expect(SCHEMES[SchemeCode.resident]).toBe('resident');
  });
});
