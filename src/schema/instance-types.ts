/**
 * `cost.ec2.instanceTypes` against the instance types the tool knows, with a "did you mean". The
 * schema floor cannot read the price data, so the catalog is handed in (the CLI builds it from the
 * bundled snapshot and the price cache); the checks and the wording live here, next to the other
 * input rules, so files, flags and the questionnaire say the same thing.
 */
import { closestAll, orList } from './suggest.js';
import { compareText } from './numbers.js';

export interface InstanceTypeCatalog {
  /** Types the tool can place tasks on: it knows their vCPU, memory, GPUs and network limits. */
  readonly known: ReadonlySet<string>;
  /**
   * Types with prices (e.g. fetched by `prices refresh`) but no size data in the bundled catalog: real,
   * but the tool cannot place tasks on them, so they are refused with their own reason.
   */
  readonly priceOnly?: ReadonlySet<string>;
}

/** Sizes in the order AWS lists them, so suggestions read small to large. */
const SIZE_ORDER = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge'];

function sizeRank(size: string): number {
  const named = SIZE_ORDER.indexOf(size);
  if (named >= 0) return named;
  const times = /^(\d+)xlarge$/.exec(size);
  if (times) return SIZE_ORDER.length + Number(times[1]);
  return 1_000 + (size.startsWith('metal') ? 1 : 0);
}

const bySize = (a: string, b: string) => sizeRank(a) - sizeRank(b) || compareText(a, b);

interface Index {
  types: string[];
  sizesByFamily: Map<string, string[]>;
}

const indexes = new WeakMap<ReadonlySet<string>, Index>();

function indexOf(known: ReadonlySet<string>): Index {
  let index = indexes.get(known);
  if (!index) {
    const types = [...known].sort();
    const sizesByFamily = new Map<string, string[]>();
    for (const t of types) {
      const [family, size] = splitType(t);
      sizesByFamily.set(family, [...(sizesByFamily.get(family) ?? []), size]);
    }
    for (const sizes of sizesByFamily.values()) sizes.sort(bySize);
    index = { types, sizesByFamily };
    indexes.set(known, index);
  }
  return index;
}

function splitType(type: string): [family: string, size: string] {
  const dot = type.indexOf('.');
  return dot < 0 ? [type, ''] : [type.slice(0, dot), type.slice(dot + 1)];
}

const wholeNameLimit = (word: string) => Math.max(1, Math.floor(word.length / 5));

/** A typical size of a family to name in a suggestion: `large` where it has one. */
function typicalSize(sizes: readonly string[]): string {
  return sizes.includes('large') ? 'large' : (sizes.find((s) => !s.startsWith('metal')) ?? sizes[0] ?? 'large');
}

/**
 * Up to three known types `type` may have meant: close spellings first (`m5.larg` → `m5.large`), else
 * the same size in the nearest families (`m9.large` → `m5.large`, `m6.large` …), else a typical size of
 * the nearest families (`t9.foo` → `t2.large`, `t3.large`).
 */
export function suggestInstanceTypes(type: string, catalog: InstanceTypeCatalog): string[] {
  const { types, sizesByFamily } = indexOf(catalog.known);
  const word = type.trim().toLowerCase();
  if (catalog.known.has(word)) return [word];
  // Type names are short and alike (m5/m6/c5 …): a whole-name match may differ by one edit (two past 9 characters).
  const near = closestAll(word, types, 3, wholeNameLimit(word));
  if (near.length > 0) return near;
  const [family, size] = splitType(word);
  const sizes = sizesByFamily.get(family);
  if (sizes) {
    const nearSizes = closestAll(size, sizes, 3);
    return (nearSizes.length > 0 ? nearSizes : [typicalSize(sizes)]).map((s) => `${family}.${s}`);
  }
  const families = closestAll(family, [...sizesByFamily.keys()], 3);
  return families.map((f) => {
    const own = sizesByFamily.get(f)!;
    return `${f}.${own.includes(size) ? size : typicalSize(own)}`;
  });
}

/** Why `type` cannot be used, with a "did you mean", or undefined when the tool knows it. */
export function instanceTypeProblem(type: string, catalog: InstanceTypeCatalog): string | undefined {
  if (catalog.known.has(type)) return undefined;
  const shown = JSON.stringify(type.length > 40 ? `${type.slice(0, 39)}…` : type);
  const near = suggestInstanceTypes(type, catalog).filter((t) => t !== type);
  const hint = near.length > 0 ? `did you mean ${orList(near)}?` : 'use a type like m7g.large or c6i.xlarge';
  if (catalog.priceOnly?.has(type)) {
    return (
      `${shown} has cached prices but no size data (vCPU, memory, network interfaces) in the bundled catalog, ` +
      `so tasks cannot be placed on it; ${near.length > 0 ? hint : 'choose another type'}`
    );
  }
  // A size the family lacks (`m5.foo`): say which sizes it has; a near spelling needs no list.
  const [family] = splitType(type.trim().toLowerCase());
  const sizes = indexOf(catalog.known).sizesByFamily.get(family);
  const lower = type.trim().toLowerCase();
  const spelled = closestAll(lower, indexOf(catalog.known).types, 1, wholeNameLimit(lower)).length > 0;
  const known = sizes && !spelled ? ` (${family} comes in ${sizes.slice(0, 8).join(', ')}${sizes.length > 8 ? ', …' : ''})` : '';
  return `${shown} is not an EC2 instance type the tool knows${known}; ${hint}`;
}
