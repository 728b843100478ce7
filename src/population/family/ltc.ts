/**
 * Which pooling areas run long-term-care insurance (长期护理保险试点). Published: 49 pilot cities.
 * The full list of 49 is not in our data, so the choice is documented and deterministic:
 *
 * 1. the national pilot cities named in the 2016 guidance (人社厅发〔2016〕80号) and the 2020
 *    extension (医保发〔2020〕37号), where they are whole pooling areas in our table (Beijing's
 *    pilot is one district, 石景山, and Shihezi belongs to the Corps: both left out);
 * 2. then, until the count is reached, the largest remaining pooling areas (by weight) of Shandong
 *    and Jilin, the two "key contact provinces" of the 2016 guidance, where most other pilots are;
 * 3. then the largest remaining pooling areas anywhere.
 */

/** Six-digit division codes of the named national pilot cities that are whole pooling areas. */
export const NATIONAL_LTC_PILOTS: readonly string[] = [
  // 2016: 承德, 长春, 齐齐哈尔, 上海, 南通, 苏州, 宁波, 安庆, 上饶, 青岛, 荆门, 广州, 重庆, 成都
  '130800',
  '220100',
  '230200',
  '310000',
  '320600',
  '320500',
  '330200',
  '340800',
  '361100',
  '370200',
  '420800',
  '440100',
  '500000',
  '510100',
  // 2020: 天津, 晋城, 呼和浩特, 盘锦, 福州, 开封, 湘潭, 南宁, 黔西南, 昆明, 汉中, 甘南, 乌鲁木齐
  '120000',
  '140500',
  '150100',
  '211100',
  '350100',
  '410200',
  '430300',
  '450100',
  '522300',
  '530100',
  '610700',
  '623000',
  '650100',
];

/** Provinces (two-digit codes) whose other pooling areas fill the list first: Shandong, Jilin. */
export const LTC_KEY_PROVINCES: readonly string[] = ['37', '22'];

/** One pooling area as the LTC choice needs it. */
export interface LtcArea {
  /** Six-digit division code (a municipality's is its province code + "0000"). */
  code: string;
  /** Its size, comparable across provinces (e.g. its expected residents). */
  weight: number;
}

/**
 * Flags (1 = runs long-term-care insurance) for `areas`, choosing `count` of them as described
 * above. Ties in weight are broken by code, so the choice depends on nothing but the table.
 */
export function chooseLtcAreas(areas: readonly LtcArea[], count: number): Uint8Array {
  const flags = new Uint8Array(areas.length);
  let chosen = 0;
  const pick = (k: number): void => {
    if (chosen < count && flags[k] === 0) {
      flags[k] = 1;
      chosen++;
    }
  };
  const pilots = new Set(NATIONAL_LTC_PILOTS);
  areas.forEach((a, k) => {
    if (pilots.has(a.code)) pick(k);
  });
  const byWeight = areas
    .map((a, k) => ({ k, a }))
    .sort((x, y) => y.a.weight - x.a.weight || x.a.code.localeCompare(y.a.code));
  for (const { k, a } of byWeight) if (LTC_KEY_PROVINCES.includes(a.code.slice(0, 2))) pick(k);
  for (const { k } of byWeight) pick(k);
  return flags;
}
