import type { UnitNode } from '../unit-forest.js';
import { UnitSummary } from './UnitSummary.js';

export interface UnitTreeNodeProps {
  node: UnitNode;
  isExpanded: (node: UnitNode) => boolean;
  onToggle: (code: string, expanded: boolean) => void;
  selectedCode: string | null;
  onSelect: (code: string) => void;
  nameOf: (code: string) => string;
}

/** One unit: a disclosure button for its children and a button that selects it. */
export function UnitTreeNode(props: UnitTreeNodeProps) {
  const { node, isExpanded, onToggle, selectedCode, onSelect, nameOf } = props;
  const { unit } = node;
  const hasChildren = node.children.length > 0;
  const expanded = hasChildren && isExpanded(node);

  return (
    <li>
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 4, paddingBlock: 2 }}>
        {hasChildren ? (
          <button
            type="button"
            className="unit-tree-toggle"
            aria-expanded={expanded}
            aria-label={`Đơn vị trực thuộc ${unit.name}`}
            onClick={() => onToggle(unit.code, !expanded)}
          >
            <Chevron expanded={expanded} />
          </button>
        ) : (
          <span className="unit-tree-spacer" aria-hidden="true" />
        )}
        <button type="button" className="unit-tree-select" aria-pressed={selectedCode === unit.code} onClick={() => onSelect(unit.code)}>
          <UnitSummary node={node} nameOf={nameOf} />
        </button>
      </div>
      {expanded ? (
        <ul>
          {node.children.map((child) => (
            <UnitTreeNode key={child.unit.code} {...props} node={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function Chevron({ expanded }: { expanded: boolean }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      style={{ transform: expanded ? 'rotate(90deg)' : 'none', transition: 'transform 120ms' }}
    >
      <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
