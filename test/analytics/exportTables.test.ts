import { describe, expect, test } from 'vitest';
import { type ColumnTable, columnTexts, isCodedTexts, type TableColumn } from '../../src/analytics/columns';
import { queryCsv, rowsToCsv } from '../../src/analytics/csv';
import { loadTable } from '../../src/analytics/load';
import {
  exportRows,
  exportTable,
  isFenColumn,
  isProvinceColumn,
  type PlaceNames,
  placeNames,
  wholeFen,
} from '../../src/analytics/exportTables';
import { DEFAULT_CLEARING_PARAMETERS } from '../../src/clearing/parameters';
import { clearRun } from '../../src/clearing/run';
import { clearingTables } from '../../src/clearing/tables';
import type { Dataset } from '../../src/population/dataset';
import { AREA_PROVINCE, PROVINCES, randomCube } from '../clearing/helpers';
import { useDuckDB } from './helpers';

const db = useDuckDB();

/** Three provinces (as the clearing helpers have them) and their six pooling areas. */
const places: PlaceNames = {
  provinces: [
    { code: '11', nameZh: '北京', nameEn: 'Beijing' },
    { code: '32', nameZh: '江苏', nameEn: 'Jiangsu' },
    { code: '44', nameZh: '广东', nameEn: 'Guangdong' },
  ],
  areaCodes: ['110100', '110200', '320100', '320500', '440100', '440300'],
};
const CODES = new Set(places.provinces.map((p) => p.code));

/** A column's values, coded texts decoded. */
const values = (c: TableColumn): unknown[] =>
  isCodedTexts(c) ? columnTexts(c) : Array.from(c as ArrayLike<unknown>);

const clearing = clearRun(randomCube('export', 12), AREA_PROVINCE, PROVINCES, DEFAULT_CLEARING_PARAMETERS, {
  start: '2026-01',
});

describe('exportTable', () => {
  const tables = clearingTables(clearing, {
    provinceCodes: places.provinces.map((p) => p.code),
    areaCodes: places.areaCodes,
  }).map((t) => exportTable(t as ColumnTable, places));

  test('every province column of every clearing table holds GB codes, followed by its Chinese and English names', () => {
    let checked = 0;
    for (const t of tables) {
      const names = Object.keys(t.columns);
      for (const [i, name] of names.entries()) {
        if (!isProvinceColumn(name)) continue;
        checked++;
        expect(names.slice(i + 1, i + 3), `${t.name}.${name}`).toEqual([
          `${name}_name_zh`,
          `${name}_name_en`,
        ]);
        const codes = values(t.columns[name]!);
        const zh = values(t.columns[`${name}_name_zh`]!);
        const en = values(t.columns[`${name}_name_en`]!);
        codes.forEach((code, r) => {
          expect(CODES.has(String(code)), `${t.name}.${name}: ${String(code)}`).toBe(true);
          const p = places.provinces.find((x) => x.code === code)!;
          expect([zh[r], en[r]]).toEqual([p.nameZh, p.nameEn]);
        });
      }
      // No index columns beside them, and no separate code columns any more.
      expect(
        names.filter((n) => n.endsWith('_code')),
        t.name,
      ).toEqual([]);
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  test('prepayment_usage names each pair by codes, the same codes clearing_national uses for the same provinces', () => {
    const usage = tables.find((t) => t.name === 'prepayment_usage')!;
    const national = tables.find((t) => t.name === 'clearing_national')!;
    const used = new Set([
      ...values(usage.columns.insured_province!),
      ...values(national.columns.from_province!),
    ]);
    expect([...used].every((c) => CODES.has(String(c)))).toBe(true);
    expect(values(usage.columns.insured_province!)[0]).toBe(
      places.provinces[clearing.prepayments[0]!.insured]!.code,
    );
  });

  test('pooling areas are named by their six-digit codes', () => {
    const tiers = tables.find((t) => t.name === 'clearing_tiers')!;
    for (const code of values(tiers.columns.pooling_area!)) expect(places.areaCodes).toContain(code);
  });

  test('every money column holds whole fen', () => {
    for (const t of tables) {
      for (const [name, column] of Object.entries(t.columns)) {
        if (!isFenColumn(name)) continue;
        for (const v of values(column))
          expect(Number.isInteger(v), `${t.name}.${name}: ${String(v)}`).toBe(true);
      }
    }
  });

  test('a fractional amount is rounded half away from zero; codes given as text are kept', () => {
    const t = exportTable(
      {
        name: 'mixed',
        columns: {
          sharer_province: ['44', '11'],
          province: Int32Array.from([2, 0]),
          province_code: ['44', '11'],
          amount_fen: Float64Array.from([6787134468.77, -2.5]),
          share: Float64Array.from([0.25, 0.75]),
        },
      },
      places,
    );
    expect(Object.keys(t.columns)).toEqual([
      'sharer_province',
      'sharer_province_name_zh',
      'sharer_province_name_en',
      'province',
      'province_name_zh',
      'province_name_en',
      'amount_fen',
      'share',
    ]);
    expect(values(t.columns.amount_fen!)).toEqual([6787134469, -3]);
    expect(values(t.columns.share!)).toEqual([0.25, 0.75]);
    expect(values(t.columns.province!)).toEqual(['44', '11']);
  });

  test('an exported table loads into DuckDB and its CSV names every province by code and both names', async () => {
    const usage = tables.find((t) => t.name === 'prepayment_usage')!;
    await loadTable(db.conn, { ...usage, name: 'export_usage' });
    const csv = await queryCsv(
      db.conn,
      'SELECT DISTINCT insured_province, insured_province_name_zh, insured_province_name_en FROM export_usage ORDER BY 1',
    );
    expect(csv).toBe(
      'insured_province,insured_province_name_zh,insured_province_name_en\n11,北京,Beijing\n32,江苏,Jiangsu\n44,广东,Guangdong\n',
    );
  });

  test('an index or a code no province has is refused with the table and column named', () => {
    expect(() => exportTable({ name: 'x', columns: { province: Int32Array.from([3]) } }, places)).toThrow(
      /x\.province: no province has the index 3/,
    );
    expect(() => exportTable({ name: 'y', columns: { to_province: ['99'] } }, places)).toThrow(
      /y\.to_province: no province has the code "99"/,
    );
  });
});

describe('exportRows', () => {
  test('rows made in the page get the same code and name columns, and whole fen, as the tables', () => {
    const rows = exportRows(
      {
        names: ['province', 'treatment_province', 'treatment_province_code', 'prepayment_fen', 'probability'],
        rows: [
          {
            province: 1,
            treatment_province: 2,
            treatment_province_code: '44',
            prepayment_fen: 10.5,
            probability: 0.2,
          },
          {
            province: '11',
            treatment_province: null,
            treatment_province_code: null,
            prepayment_fen: 3,
            probability: 1,
          },
        ],
      },
      places,
    );
    expect(rowsToCsv(rows)).toBe(
      [
        'province,province_name_zh,province_name_en,treatment_province,treatment_province_name_zh,treatment_province_name_en,prepayment_fen,probability',
        '32,江苏,Jiangsu,44,广东,Guangdong,11,0.2',
        '11,北京,Beijing,,,,3,1',
        '',
      ].join('\n'),
    );
  });
});

describe('wholeFen and the column names', () => {
  test('wholeFen rounds half away from zero and leaves whole amounts and non-numbers alone', () => {
    expect([0.5, 1.5, -0.5, -1.49, 7, Number.NaN, Infinity].map(wholeFen)).toEqual([
      1,
      2,
      -1,
      -1,
      7,
      Number.NaN,
      Infinity,
    ]);
  });

  test('isFenColumn finds fen as a word of the name, not inside another word', () => {
    expect(['amount_fen', 'fen_cross_province_medical', 'top_up_fen_mean'].every(isFenColumn)).toBe(true);
    expect(['fence', 'shared_per_insured_yuan', 'squares_yuan2', 'defend'].some(isFenColumn)).toBe(false);
  });

  test('placeNames takes the short Chinese names and the codes of a dataset', () => {
    const dataset = {
      provinces: [{ code2: '11', nameZh: '北京市', nameZhShort: '北京', nameEn: 'Beijing' }],
      poolingAreas: [{ code: '110100' }],
    } as unknown as Dataset;
    expect(placeNames(dataset)).toEqual({
      provinces: [{ code: '11', nameZh: '北京', nameEn: 'Beijing' }],
      areaCodes: ['110100'],
    });
  });
});
