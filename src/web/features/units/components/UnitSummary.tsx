import { Badge, Text } from '@mantine/core';
import { UNIT_LEVEL_LABELS } from '../../../../domain/units/unit.js';
import { formatIsoDate } from '../../../shared/format.js';
import type { UnitNode } from '../unit-forest.js';

/** Name, level and code of a unit; validity and successors when it is no longer in force. */
export function UnitSummary({ node, nameOf }: { node: UnitNode; nameOf: (code: string) => string }) {
  const { unit, validity } = node;
  return (
    <>
      <Text component="span" display="block" fw={600}>
        {unit.name}
      </Text>
      <Text component="span" display="block" size="sm">
        {UNIT_LEVEL_LABELS[unit.level] ?? unit.level} · <span className="mono">{unit.code}</span>
      </Text>
      {validity === 'in_force' ? null : (
        <Text component="span" display="block" size="sm">
          <span>
            {formatIsoDate(unit.validFrom)} – {unit.validTo ? formatIsoDate(unit.validTo) : 'nay'}
          </span>{' '}
          <Badge component="span" color="govRed" variant="light" size="sm">
            {validity === 'expired' ? 'Không còn hiệu lực' : 'Chưa có hiệu lực'}
          </Badge>
          {unit.replacedBy.length > 0 ? (
            <Text component="span" display="block" size="sm">
              Thay thế bởi: {unit.replacedBy.map(nameOf).join(', ')}
            </Text>
          ) : null}
        </Text>
      )}
    </>
  );
}
