import { Text } from '@mantine/core';
import type { UnitForest, UnitNode } from '../unit-forest.js';
import { UnitTreeNode } from './UnitTreeNode.js';

interface UnitTreeProps {
  forest: UnitForest;
  filterActive: boolean;
  /** Explicit open/closed choices by the user; anything else falls back to the defaults. */
  overrides: ReadonlyMap<string, boolean>;
  onToggle: (code: string, expanded: boolean) => void;
  selectedCode: string | null;
  onSelect: (code: string) => void;
  nameOf: (code: string) => string;
}

export function UnitTree({ forest, filterActive, overrides, ...rest }: UnitTreeProps) {
  const rootCodes = new Set(forest.roots.map((node) => node.unit.code));
  const isExpanded = (node: UnitNode): boolean => {
    const choice = overrides.get(node.unit.code);
    if (choice !== undefined) return choice;
    return rootCodes.has(node.unit.code) || (filterActive && forest.openForFilter.has(node.unit.code));
  };

  return (
    <>
      <Text size="sm" role="status" mb="xs">
        {forest.size === 0 ? 'Không tìm thấy đơn vị phù hợp.' : `Đang hiển thị ${forest.size} đơn vị.`}
      </Text>
      {forest.size > 0 ? (
        <ul className="unit-tree" aria-label="Cây đơn vị">
          {forest.roots.map((node) => (
            <UnitTreeNode key={node.unit.code} node={node} isExpanded={isExpanded} {...rest} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
