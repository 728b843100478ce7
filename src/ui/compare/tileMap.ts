/**
 * The tile map of China's provinces (省级瓦片地图): each of the 31 provinces is one square on a fixed
 * grid, placed by its rough position (north at the top, east to the right). It is a tile map, not
 * province boundaries: the workbench has no boundary data offline, and equal tiles show small and
 * large provinces alike. Columns run 0–8 west to east, rows 0–7 north to south.
 */

/** One tile: the province's two-digit code, its grid cell and its short names. */
export interface ProvinceTile {
  code: string;
  col: number;
  row: number;
  /** Short Chinese name (e.g. 广东). */
  zh: string;
  /** Two-letter English abbreviation (e.g. GD), for tiles too small for the full name. */
  abbr: string;
}

/** The 31 tiles, north to south, west to east. */
export const PROVINCE_TILES: readonly ProvinceTile[] = [
  { code: '23', col: 8, row: 0, zh: '黑龙江', abbr: 'HL' },
  { code: '15', col: 5, row: 1, zh: '内蒙古', abbr: 'NM' },
  { code: '11', col: 6, row: 1, zh: '北京', abbr: 'BJ' },
  { code: '21', col: 7, row: 1, zh: '辽宁', abbr: 'LN' },
  { code: '22', col: 8, row: 1, zh: '吉林', abbr: 'JL' },
  { code: '65', col: 1, row: 2, zh: '新疆', abbr: 'XJ' },
  { code: '64', col: 4, row: 2, zh: '宁夏', abbr: 'NX' },
  { code: '14', col: 5, row: 2, zh: '山西', abbr: 'SX' },
  { code: '13', col: 6, row: 2, zh: '河北', abbr: 'HE' },
  { code: '12', col: 7, row: 2, zh: '天津', abbr: 'TJ' },
  { code: '63', col: 2, row: 3, zh: '青海', abbr: 'QH' },
  { code: '62', col: 3, row: 3, zh: '甘肃', abbr: 'GS' },
  { code: '61', col: 4, row: 3, zh: '陕西', abbr: 'SN' },
  { code: '41', col: 5, row: 3, zh: '河南', abbr: 'HA' },
  { code: '37', col: 6, row: 3, zh: '山东', abbr: 'SD' },
  { code: '54', col: 1, row: 4, zh: '西藏', abbr: 'XZ' },
  { code: '51', col: 2, row: 4, zh: '四川', abbr: 'SC' },
  { code: '50', col: 3, row: 4, zh: '重庆', abbr: 'CQ' },
  { code: '42', col: 4, row: 4, zh: '湖北', abbr: 'HB' },
  { code: '34', col: 5, row: 4, zh: '安徽', abbr: 'AH' },
  { code: '32', col: 6, row: 4, zh: '江苏', abbr: 'JS' },
  { code: '31', col: 7, row: 4, zh: '上海', abbr: 'SH' },
  { code: '53', col: 2, row: 5, zh: '云南', abbr: 'YN' },
  { code: '52', col: 3, row: 5, zh: '贵州', abbr: 'GZ' },
  { code: '43', col: 4, row: 5, zh: '湖南', abbr: 'HN' },
  { code: '36', col: 5, row: 5, zh: '江西', abbr: 'JX' },
  { code: '33', col: 6, row: 5, zh: '浙江', abbr: 'ZJ' },
  { code: '45', col: 3, row: 6, zh: '广西', abbr: 'GX' },
  { code: '44', col: 4, row: 6, zh: '广东', abbr: 'GD' },
  { code: '35', col: 5, row: 6, zh: '福建', abbr: 'FJ' },
  { code: '46', col: 4, row: 7, zh: '海南', abbr: 'HI' },
];

/** Grid size of the tile map. */
export const TILE_GRID = { cols: 9, rows: 8 } as const;

/** The tile of a province code, if it has one. */
export function tileOf(code: string): ProvinceTile | undefined {
  return PROVINCE_TILES.find((t) => t.code === code);
}
