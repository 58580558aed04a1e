/** Pure helpers that turn the flat unit list into the nested, filtered tree the page shows. */
import { isUnitInForce, UNIT_LEVELS, type Unit } from '../../../domain/units/unit.js';
import { normalizeForSearch } from '../../shared/format.js';

export type UnitValidity = 'in_force' | 'expired' | 'not_yet';

export interface UnitNode {
  unit: Unit;
  validity: UnitValidity;
  children: UnitNode[];
}

export interface UnitForest {
  roots: UnitNode[];
  /** Number of nodes in `roots`, recursively. */
  size: number;
  /** Ancestors of filter matches: opened automatically so every match is visible. */
  openForFilter: Set<string>;
}

export interface ForestOptions {
  today: string;
  showHistorical: boolean;
  filter: string;
}

const collator = new Intl.Collator('vi');

function compareUnits(a: Unit, b: Unit): number {
  const byLevel = UNIT_LEVELS.indexOf(a.level) - UNIT_LEVELS.indexOf(b.level);
  return byLevel !== 0 ? byLevel : collator.compare(a.name, b.name);
}

export function unitValidity(unit: Unit, today: string): UnitValidity {
  if (isUnitInForce(unit, today)) return 'in_force';
  return unit.validFrom > today ? 'not_yet' : 'expired';
}

export function buildUnitForest(units: readonly Unit[], options: ForestOptions): UnitForest {
  const visible = units.filter((u) => options.showHistorical || isUnitInForce(u, options.today));
  const codes = new Set(visible.map((u) => u.code));
  const childrenOf = new Map<string | null, Unit[]>();
  for (const unit of visible) {
    // A unit whose parent is hidden (or unknown) is shown at the top rather than lost.
    const parent = unit.parentCode !== null && codes.has(unit.parentCode) ? unit.parentCode : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), unit]);
  }

  const seen = new Set<string>();
  const build = (unit: Unit): UnitNode => {
    seen.add(unit.code);
    const kids = (childrenOf.get(unit.code) ?? []).filter((c) => !seen.has(c.code)).sort(compareUnits);
    return { unit, validity: unitValidity(unit, options.today), children: kids.map(build) };
  };
  const all = (childrenOf.get(null) ?? []).sort(compareUnits).map(build);

  const query = normalizeForSearch(options.filter);
  const openForFilter = new Set<string>();
  const roots = query ? prune(all, query, openForFilter) : all;
  return { roots, size: countNodes(roots), openForFilter };
}

function matches(unit: Unit, query: string): boolean {
  return normalizeForSearch(unit.name).includes(query) || normalizeForSearch(unit.code).includes(query);
}

/** Keeps matches (with their whole subtree) and the paths leading to them; opens those paths. */
function prune(nodes: UnitNode[], query: string, open: Set<string>): UnitNode[] {
  const kept: UnitNode[] = [];
  for (const node of nodes) {
    const children = prune(node.children, query, open);
    if (matches(node.unit, query)) {
      if (children.length > 0) open.add(node.unit.code);
      kept.push(node);
      continue;
    }
    if (children.length > 0) {
      open.add(node.unit.code);
      kept.push({ ...node, children });
    }
  }
  return kept;
}

function countNodes(nodes: UnitNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countNodes(node.children), 0);
}
