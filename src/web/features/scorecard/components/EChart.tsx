import { BarChart, LineChart, TreemapChart, type BarSeriesOption, type LineSeriesOption, type TreemapSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use as registerChartParts, type ComposeOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the back office draws: a treemap, line and bar charts, their grid and tooltip, as SVG.
registerChartParts([TreemapChart, LineChart, BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<TreemapSeriesOption | LineSeriesOption | BarSeriesOption | GridComponentOption | TooltipComponentOption>;

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, said by screen readers instead of the drawing. */
  label: string;
  height: number;
  /** A click on a data item (a treemap tile, a point) with that item's data. */
  onItemClick?: (data: unknown) => void;
  testId?: string;
}

/** An ECharts chart that follows its container's width; the drawing is an image with a text alternative. */
export function EChart({ option, label, height, onItemClick, testId }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const onClick = useRef(onItemClick);

  useEffect(() => {
    onClick.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (event) => onClick.current?.(event.data));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
