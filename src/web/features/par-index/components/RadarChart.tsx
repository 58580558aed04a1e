import { useId } from 'react';
import { radarFrame, radarPolygon, radarVertices } from '../par-view.js';

const SIZE = 320;
const MARGIN = 44;
const CURRENT = '#1a4f94';
const PREVIOUS = '#b02a37';

interface RadarChartProps {
  /** Each field's code and its share of the field's maximum (0–100). */
  fields: readonly { code: string; percent: number }[];
  /** Last year's shares in the same order, when known. */
  previous: readonly (number | null)[] | null;
  title: string;
  description: string;
}

/**
 * A radar of a unit's fields: one axis per field (labelled with its code), rings at 25, 50, 75 and 100% of the
 * maximum, this year's polygon and, dashed, last year's. An image with its title and a description of every value.
 */
export function RadarChart({ fields, previous, title, description }: RadarChartProps) {
  const id = useId();
  const frame = radarFrame(fields.length, SIZE, MARGIN);
  const values = fields.map((f) => f.percent);
  const before = previous && previous.every((p) => p !== null) ? (previous as number[]) : null;
  return (
    <svg
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-labelledby={`${id}-t`}
      aria-describedby={`${id}-d`}
      className="par-radar"
      data-testid="par-radar"
      focusable="false"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <g fill="none" stroke="#adb5bd" strokeWidth="1">
        {frame.rings.map((r) =>
          r.points ? <polygon key={r.percent} points={r.points} /> : <circle key={r.percent} cx={frame.centre} cy={frame.centre} r={r.radius} />,
        )}
        {frame.axes.map((a, i) => (
          <line key={fields[i]!.code} x1={frame.centre} y1={frame.centre} x2={a.x} y2={a.y} />
        ))}
      </g>
      <g fontSize="11" fill="#495057">
        {[50, 100].map((p) => (
          <text key={p} x={frame.centre + 3} y={frame.centre - (frame.radius * p) / 100 + 11}>
            {p}%
          </text>
        ))}
      </g>
      {before ? (
        <polygon points={radarPolygon(before, frame.centre, frame.radius)} fill="none" stroke={PREVIOUS} strokeWidth="2" strokeDasharray="6 4" />
      ) : null}
      <polygon points={radarPolygon(values, frame.centre, frame.radius)} fill={CURRENT} fillOpacity="0.2" stroke={CURRENT} strokeWidth="2.5" />
      {radarVertices(values, frame.centre, frame.radius).map(([x, y], i) => (
        <circle key={fields[i]!.code} cx={x} cy={y} r="3.5" fill={CURRENT} />
      ))}
      <g fontSize="13" fontWeight="700" fill="#212529">
        {frame.axes.map((a, i) => (
          <text key={fields[i]!.code} x={a.labelX} y={a.labelY} textAnchor={a.anchor}>
            LV {fields[i]!.code}
          </text>
        ))}
      </g>
    </svg>
  );
}

/** The colours of the legend, as the chart draws them. */
export const RADAR_COLOURS = { current: CURRENT, previous: PREVIOUS };
