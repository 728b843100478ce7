/**
 * Generation of the synthetic population (合成人口生成): family i is a pure function of the seed
 * and i, written into typed-array columns. At scale 1:k the sample is families 0, k, 2k, … each
 * weighted k; a chunk is a run of positions in that sample, so any split into chunks (or workers)
 * gives byte-identical families. At 1:1 the population is streamed chunk by chunk, never held whole.
 *
 * The steps of one family, in draw order, are described in docs/family-model.md. Three stratified
 * values (random.ts `stratum`) choose what most affects totals at small scales — the family type
 * (stayer, or migrant family by destination), the sibling and migrant counts, whether grandparents
 * follow, which migrant children are left behind, the anchor age, the eldest's household and the
 * origin; the family's own xoshiro128** stream draws everything else.
 */
import type { PopulationModel } from './calibration';
import { headColumns, NO_BRANCH, type PopulationChunk, Role } from './columns';
import { MAX_FAMILY_SIZE, MAX_SIBLINGS } from './family/parameters';
import { FamilyWriter } from './family/writer';
import * as random from './random';
import type { FamilyStream, StreamKey } from './random';

// Local aliases: module interop (tsx, some bundlers) turns imported bindings into getters, which
// would otherwise run once per call in the hot loop.
const { drawFrom, stratum, streamKey } = random;
const GRANDPARENT = Role.grandparent;
const SIBLING = Role.sibling;
const SPOUSE = Role.spouse;
const CHILD = Role.child;
const NONE = NO_BRANCH;
const FAMILY_MAX = MAX_FAMILY_SIZE;
const SIBLINGS_MAX = MAX_SIBLINGS;

/** Largest supported k of scale 1:k. */
export const MAX_SCALE = 10_000;

/** Number of families simulated at scale 1:k: positions 0..n−1 stand for families 0, k, 2k, …. */
export function sampleSize(model: PopulationModel, scaleK: number): number {
  checkScale(scaleK);
  return Math.ceil(model.familyCount / scaleK);
}

function checkScale(scaleK: number): void {
  if (!Number.isInteger(scaleK) || scaleK < 1 || scaleK > MAX_SCALE) {
    throw new RangeError(`scale must be 1:k with k a whole number from 1 to ${MAX_SCALE}, got 1:${scaleK}`);
  }
}

const rest = new Float64Array(1);
const unitArea = new Int32Array(MAX_SIBLINGS);

/** A pooling area of province p drawn by weight from the family stream. */
function drawArea(m: PopulationModel, st: FamilyStream, p: number): number {
  return m.provinceAreas[p]![drawFrom(m.areaTables[p]!, st.unit(), rest)]!;
}

/** Per sibling household: age, sex, married, spouse gap, children planned, the first child's age. */
const sibAge = new Int32Array(MAX_SIBLINGS);
const sibSex = new Int32Array(MAX_SIBLINGS);
const sibMarried = new Uint8Array(MAX_SIBLINGS);
const sibGap = new Int32Array(MAX_SIBLINGS);
const sibChildren = new Int32Array(MAX_SIBLINGS);
const sibFirstChild = new Int32Array(MAX_SIBLINGS);

/**
 * Refines the uniform v into sibling s's household: sex and spouse gap from the stream, married (by
 * the married share at its age), then the number of children by the wife's age; the marriage age
 * (uniform over the ramp's years up to now) and the wait for the first child come from the stream.
 * Returns what is left of v.
 */
function household(m: PopulationModel, st: FamilyStream, s: number, v: number): number {
  const age = sibAge[s]!;
  const sex = st.u32() >>> 31;
  sibSex[s] = sex;
  const share = age > 0 ? m.married[age]! : 0;
  if (v >= share) {
    sibMarried[s] = 0;
    sibChildren[s] = 0;
    return (v - share) / (1 - share);
  }
  const p = m.params;
  const e = st.int(p.spouseGap.min, p.spouseGap.max);
  sibMarried[s] = 1;
  sibGap[s] = e;
  sibChildren[s] = 1 + drawFrom(m.childTables[sex === 0 ? age - e : age]!, v / share, rest);
  const left = rest[0]!;
  const married = st.int(p.marriage.fromAge + 1, age < p.marriage.fullAge ? age : p.marriage.fullAge);
  sibFirstChild[s] = age - married - st.int(p.firstBirthAfterMarriage.min, p.firstBirthAfterMarriage.max);
  return left;
}

/** Writes family i (all its members) through `w`. */
function writeFamily(m: PopulationModel, key: StreamKey, i: number, w: FamilyWriter): void {
  const p = m.params;
  const st = w.stream;
  st.start(key, i);
  // Stratified, one value refined step by step: family type (stays, or the destination of its
  // migrants) → number of siblings → how many migrate → whether grandparents follow → which migrant
  // children are left behind. What decides the size of the migrant group comes first.
  const cell = drawFrom(m.familyTypes, stratum(key, 0, i), rest);
  const P = m.provinceCount;
  const migrant = cell >= P;
  const siblings = 1 + drawFrom(m.siblingShares, rest[0]!, rest);
  let r = rest[0]!;
  let movers = 0;
  let follow = false;
  if (migrant) {
    const eta = p.extraMigrantSibling;
    movers = 1;
    while (movers < siblings) {
      if (r >= eta) {
        r = (r - eta) / (1 - eta);
        break;
      }
      r /= eta;
      movers++;
    }
    const g = p.grandparentsFollow;
    follow = r < g;
    r = follow ? r / g : (r - g) / (1 - g);
  }
  const leftOffset = r;
  // Stratified: anchor age (the eldest sibling) given the siblings; then the grandmother's age at
  // the eldest's birth, whose cohort had that many children.
  const ai = drawFrom(m.anchorsBySiblings[siblings - 1]!, stratum(key, 1, i), rest);
  const anchor = m.anchorMin + ai;
  const b0 =
    p.firstBirthAge.min + drawFrom(m.firstBirthTables[ai * SIBLINGS_MAX + siblings - 1]!, st.unit(), rest);
  const gm = anchor + b0;
  sibAge[0] = anchor;
  for (let s = 1; s < siblings; s++)
    sibAge[s] = sibAge[s - 1]! - st.int(p.siblingSpacing.min, p.siblingSpacing.max);
  // Stratified: (for migrants) the origin, then the eldest's household; other households from the stream.
  const destination = migrant ? cell - P : cell;
  const u = stratum(key, 2, i);
  const origin = migrant ? drawFrom(m.migrantOrigins[destination]!, u, rest) : cell;
  household(m, st, 0, migrant ? rest[0]! : u);
  for (let s = 1; s < siblings; s++) household(m, st, s, st.unit());

  const originArea = drawArea(m, st, origin);
  for (let s = 0; s < siblings; s++) {
    if (s < movers) unitArea[s] = drawArea(m, st, destination);
    else unitArea[s] = st.unit() < p.intraProvinceMove ? drawArea(m, st, origin) : originArea;
  }
  const gpProvince = follow ? destination : origin;
  const gpArea = follow ? unitArea[0]! : originArea;

  // Grandparents: the grandmother bore the eldest at b0; the grandfather is older by a spouse gap.
  const gap = st.int(p.spouseGap.min, p.spouseGap.max);
  const gf = gm + gap;
  const gmAlive = st.unit() < m.survival[Math.min(gm, 200)]! / m.survival[b0]!;
  const gfAlive = st.unit() < m.survival[Math.min(gf, 200)]! / m.survival[b0 + gap]!;
  if (gfAlive) w.person(i, GRANDPARENT, NONE, gf, 0, origin, originArea, gpProvince, gpArea, follow);
  if (gmAlive) w.person(i, GRANDPARENT, NONE, gm, 1, origin, originArea, gpProvince, gpArea, follow);

  let migrantChild = 0;
  for (let s = 0; s < siblings; s++) {
    const age = sibAge[s]!;
    if (age < 0) break;
    const sex = sibSex[s]!;
    const moves = s < movers;
    const province = moves ? destination : origin;
    const area = unitArea[s]!;
    w.person(i, SIBLING, s, age, sex, origin, originArea, province, area, false);
    if (sibMarried[s] === 0) continue;
    const e = sibGap[s]!;
    const spouseAge = sex === 0 ? age - e : age + e;
    w.person(i, SPOUSE, s, spouseAge, 1 - sex, origin, originArea, province, area, false);
    const children = sibChildren[s]!;
    let childAge = sibFirstChild[s]!;
    for (let c = 0; c < children; c++) {
      if (c > 0) childAge -= st.int(p.birthSpacing.min, p.birthSpacing.max);
      if (childAge < 0) break;
      // Migrant children of the whole family are left behind systematically: child j (counted over
      // all migrant households) stays iff frac(offset + j·share) < share.
      let leftBehind = false;
      if (moves) {
        const x = leftOffset + migrantChild++ * p.leftBehind;
        leftBehind = x - Math.floor(x) < p.leftBehind;
      }
      const cp = leftBehind ? origin : province;
      const ca = leftBehind ? originArea : area;
      w.person(i, CHILD, s, childAge, st.u32() >>> 31, origin, originArea, cp, ca, false);
    }
  }
}

/** The generation loop, kept in its own function so that it is optimised once and stays so. */
function writeFamilies(
  model: PopulationModel,
  key: StreamKey,
  firstPosition: number,
  scaleK: number,
  w: FamilyWriter,
  familyStart: Uint32Array,
): void {
  const n = familyStart.length - 1;
  for (let j = 0; j < n; j++) {
    w.reserve(FAMILY_MAX);
    familyStart[j] = w.pos;
    writeFamily(model, key, (firstPosition + j) * scaleK, w);
  }
  familyStart[n] = w.pos;
}

/** Checks a family range and returns how many families of it exist in the 1:k sample. */
function familiesIn(
  model: PopulationModel,
  firstPosition: number,
  familyCount: number,
  scaleK: number,
): number {
  const total = sampleSize(model, scaleK);
  if (
    !Number.isInteger(firstPosition) ||
    firstPosition < 0 ||
    !Number.isInteger(familyCount) ||
    familyCount < 0
  ) {
    throw new RangeError(
      `families must be whole numbers ≥ 0, got first ${firstPosition}, count ${familyCount}`,
    );
  }
  return Math.max(0, Math.min(familyCount, total - firstPosition));
}

/** Room for n families: the expected persons plus a wide margin (the sum's sd is about 3√n). */
function capacityFor(model: PopulationModel, n: number): number {
  return Math.ceil(n * model.expected.personsPerFamily + 20 * Math.sqrt(n)) + FAMILY_MAX;
}

/** Writes families [first, first + n) of the 1:k sample through `w` (from its first slot) into a chunk. */
function chunkOf(
  model: PopulationModel,
  key: StreamKey,
  first: number,
  n: number,
  scaleK: number,
  w: FamilyWriter,
): PopulationChunk {
  w.reset();
  const familyStart = new Uint32Array(n + 1);
  writeFamilies(model, key, first, scaleK, w, familyStart);
  // The chunk's own fields are added to the columns' object one by one, not spread into a new
  // object: spread copies came out with a new hidden class for every chunk after the first few, so
  // the engine's reads of a chunk's columns turned slow (megamorphic) in every run.
  const chunk = headColumns(w.cols, w.pos) as PopulationChunk;
  chunk.weight = scaleK;
  chunk.firstPosition = first;
  chunk.familyCount = n;
  chunk.personCount = w.pos;
  chunk.familyStart = familyStart;
  return chunk;
}

/**
 * Generates `familyCount` families of the 1:`scaleK` sample starting at position `firstPosition`
 * (family index = position × scaleK), stopping at the end of the sample, in fresh buffers. The
 * result depends only on the model, the seed and the positions: generating 0..n in one call or in
 * any split gives the same bytes. The seed may be a string or a key already derived with streamKey.
 */
export function generateFamilies(
  model: PopulationModel,
  seed: string | StreamKey,
  firstPosition: number,
  familyCount: number,
  scaleK: number,
): PopulationChunk {
  const n = familiesIn(model, firstPosition, familyCount, scaleK);
  const key = typeof seed === 'string' ? streamKey(seed) : seed;
  return chunkOf(model, key, firstPosition, n, scaleK, new FamilyWriter(model, capacityFor(model, n)));
}

/** Chunks of families at (first position, count), each valid only until the next is asked for. */
export type ChunkSource = (firstPosition: number, familyCount: number) => PopulationChunk;

/**
 * Generates chunks of the 1:`scaleK` sample into the same buffers, sized for `familiesPerChunk`
 * families: `(first, count)` gives what {@link generateFamilies} gives, but each chunk is valid only
 * until the next is asked for. A simulation that uses each chunk at once so writes into memory that
 * is already in cache, instead of fresh buffers the collector has to reclaim.
 */
export function chunkSource(
  model: PopulationModel,
  seed: string | StreamKey,
  scaleK: number,
  familiesPerChunk: number,
): ChunkSource {
  checkScale(scaleK);
  const key = typeof seed === 'string' ? streamKey(seed) : seed;
  const w = new FamilyWriter(model, capacityFor(model, familiesPerChunk));
  return (firstPosition, familyCount) => {
    const n = familiesIn(model, firstPosition, familyCount, scaleK);
    return chunkOf(model, key, firstPosition, n, scaleK, w);
  };
}

/** Options of {@link populationChunks}. */
export interface ChunkOptions {
  /**
   * Write every chunk into the same buffers (faster: no fresh memory per chunk). Each chunk is then
   * valid only until the next one is requested: use it, or copy it, before asking for more.
   */
  reuseBuffers?: boolean;
}

/**
 * The whole 1:`scaleK` sample as a stream of chunks of at most `familiesPerChunk` families each,
 * generated one at a time so that a 1:1 run never holds the whole population.
 */
export function* populationChunks(
  model: PopulationModel,
  seed: string | StreamKey,
  scaleK: number,
  familiesPerChunk = 65_536,
  options: ChunkOptions = {},
): Generator<PopulationChunk, void, undefined> {
  if (!Number.isInteger(familiesPerChunk) || familiesPerChunk < 1) {
    throw new RangeError(`familiesPerChunk must be a whole number ≥ 1, got ${familiesPerChunk}`);
  }
  const key = typeof seed === 'string' ? streamKey(seed) : seed;
  const total = sampleSize(model, scaleK);
  const shared = options.reuseBuffers ? chunkSource(model, key, scaleK, familiesPerChunk) : null;
  for (let first = 0; first < total; first += familiesPerChunk) {
    yield shared
      ? shared(first, familiesPerChunk)
      : generateFamilies(model, key, first, familiesPerChunk, scaleK);
  }
}
