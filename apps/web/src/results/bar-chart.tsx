// A horizontal bar chart drawn by Observable Plot (SVG), with an optional vertical rule (the electoral
// threshold). The chart repeats a table that is on the page: it is one image with a text name for
// assistive technology (role="img"), the numbers being read from the table.
import * as Plot from '@observablehq/plot';
import { useEffect, useRef, type ReactNode } from 'react';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Drawn lighter (e.g. a list below the threshold). */
  readonly muted?: boolean;
}

export function BarChart({
  bars,
  rule,
  name,
  format,
}: {
  readonly bars: readonly Bar[];
  readonly rule?: number | undefined;
  readonly name: string;
  readonly format: (value: number) => string;
}): ReactNode {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = container.current;
    if (node === null) return;
    const chart = Plot.plot({
      width: Math.max(320, Math.min(node.clientWidth || 640, 800)),
      marginLeft: 200,
      height: 40 + bars.length * 32,
      x: { label: null, tickFormat: (d: number) => format(d), grid: true },
      y: { label: null, domain: bars.map((b) => b.label) },
      marks: [
        Plot.barX(bars, { x: 'value', y: 'label', fill: (b: Bar) => (b.muted === true ? '#9aa5b1' : '#1f4e79') }),
        Plot.text(bars, {
          x: 'value',
          y: 'label',
          text: (b: Bar) => format(b.value),
          textAnchor: 'start',
          dx: 4,
          fill: 'currentColor',
        }),
        ...(rule === undefined
          ? []
          : [Plot.ruleX([rule], { stroke: '#b00020', strokeWidth: 2, strokeDasharray: '6 3' })]),
        Plot.ruleX([0]),
      ],
    });
    // The container is the image with its name: Plot's own ARIA labels on groups (not allowed on a
    // <g> without a role) are removed, and the drawing is hidden from assistive technology.
    for (const el of chart.querySelectorAll('[aria-label], [aria-description]')) {
      el.removeAttribute('aria-label');
      el.removeAttribute('aria-description');
    }
    chart.removeAttribute('aria-label');
    chart.setAttribute('aria-hidden', 'true');
    node.replaceChildren(chart);
    return () => {
      chart.remove();
    };
  }, [bars, rule, format]);
  return <div className="bar-chart" ref={container} role="img" aria-label={name} />;
}
