import '../payments.css';
import { Text } from '@mantine/core';
import { formatVnd } from '../../../../domain/payment/fees.js';
import { barPercent, type UnitTotals } from '../reconciliation-view.js';

const SERIES = [
  { key: 'expected', label: 'Phải thu' },
  { key: 'received', label: 'Đã nhận' },
] as const;

/** Expected against received per unit, as pairs of bars; the numbers are written beside the bars and in the table. */
export function ReconciliationChart({ units, headingId }: { units: readonly UnitTotals[]; headingId: string }) {
  const largest = Math.max(0, ...units.flatMap((u) => [u.expected, u.received]));
  return (
    <figure className="pay-figure" aria-labelledby={headingId}>
      <Text component="figcaption" id={headingId} size="sm" fw={600} mb="xs">
        Phải thu và đã nhận theo đơn vị
      </Text>
      <ul className="pay-chart" data-testid="reconciliation-chart">
        {units.map((u) => (
          <li key={u.unitCode}>
            <Text size="sm" fw={600} className="break-anywhere">
              {u.unitName}
            </Text>
            <div className="pay-chart-bars">
              {SERIES.map((s) => (
                <div key={s.key} className="pay-chart-bar">
                  <span>{s.label}</span>
                  <span className="pay-chart-track">
                    <span className="pay-chart-area" aria-hidden="true">
                      <span className="pay-chart-fill" data-series={s.key} style={{ width: `${barPercent(u[s.key], largest)}%` }} />
                    </span>
                    <span className="pay-chart-value">{formatVnd(u[s.key])}</span>
                  </span>
                </div>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </figure>
  );
}
