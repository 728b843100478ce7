import { describe, expect, test } from 'vitest';
import { exportLayout, wrapText } from '../../../src/ui/charts/exportImage';
import { labelWidth } from '../../../src/ui/charts/labels';

describe('wrapText', () => {
  test('breaks English between words and keeps every word whole', () => {
    const text = 'Cross-province sharing by use of the quota in billion yuan a month';
    const lines = wrapText(text, 150, 11);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(labelWidth(line)).toBeLessThanOrEqual(150);
  });

  test('breaks Chinese between any two characters', () => {
    const text = '各省规则下的全年峰值使用率：抽样带与中位数，圆点为预期年度';
    const lines = wrapText(text, 110, 11);
    expect(lines.join('')).toBe(text);
    expect(lines.map((l) => [...l].length)).toEqual([10, 10, 9]);
  });

  test('a word longer than a line stays whole on its own line; blank text gives no line', () => {
    expect(wrapText('a verylongwordthatdoesnotfit b', 40, 11)).toEqual([
      'a',
      'verylongwordthatdoesnotfit',
      'b',
    ]);
    expect(wrapText('   ', 100, 11)).toEqual([]);
  });
});

describe('exportLayout', () => {
  const frame = {
    title: 'By use (billion yuan a month)',
    unit: 'Unit: billion yuan a month',
    legend: [
      { key: 'a', label: 'baseline-2026', color: '#1f5fa8', shape: 'line' as const },
      { key: 'b', label: 'netting-2026', color: '#2e7d32', shape: 'line' as const },
    ],
    notes: ['A note.'],
    footer: ['Scenario: baseline-2026', 'scale 1:1000, seed gongji-2026'],
  };

  test('title, unit, legend, chart, notes and footer come one under another, the chart centred', () => {
    const layout = exportLayout({ width: 600, height: 220 }, frame);
    expect(layout.width).toBe(632);
    const parts = layout.texts.map((t) => t.part);
    expect(parts).toEqual(['title', 'unit', 'note', 'footer', 'footer']);
    const [title, unit, note] = layout.texts;
    expect(title).toMatchObject({ text: frame.title, bold: true, size: 16 });
    expect(unit!.y).toBeGreaterThan(title!.y);
    // The legend entries sit side by side on one row, under the unit and above the chart.
    expect(layout.legend.map((e) => e.item.key)).toEqual(['a', 'b']);
    expect(layout.legend[0]!.y).toBe(layout.legend[1]!.y);
    expect(layout.legend[1]!.x).toBeGreaterThan(layout.legend[0]!.x + labelWidth('baseline-2026'));
    expect(layout.legend[0]!.y).toBeGreaterThan(unit!.y);
    expect(layout.chart).toEqual({ x: 16, y: expect.any(Number), width: 600, height: 220 });
    expect(layout.chart.y).toBeGreaterThan(layout.legend[0]!.y + 10);
    expect(note!.y).toBeGreaterThan(layout.chart.y + 220);
    expect(layout.height).toBeGreaterThan(layout.texts.at(-1)!.y);
  });

  test('a narrow chart gets a frame 480 px wide; a long legend wraps into rows inside it', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ label: `scenario-number-${i}`, color: '#000000' }));
    const layout = exportLayout({ width: 300, height: 100 }, { title: 'T', legend: many });
    expect(layout.width).toBe(480);
    expect(layout.chart.x).toBe(90);
    const rows = new Set(layout.legend.map((e) => e.y));
    expect(rows.size).toBeGreaterThan(2);
    for (const e of layout.legend) {
      expect(e.x + 24 + labelWidth(e.item.label) * (12 / 11)).toBeLessThanOrEqual(480 - 16 + 1);
    }
  });

  test('a ramp takes its height between the legend and the chart; without one there is none', () => {
    const without = exportLayout({ width: 600, height: 100 }, { title: 'T' });
    const withRamp = exportLayout({ width: 600, height: 100 }, { title: 'T' }, 50);
    expect(without.ramp).toBeUndefined();
    expect(withRamp.ramp).toEqual({ x: 16, y: expect.any(Number) });
    expect(withRamp.chart.y - without.chart.y).toBe(56);
  });
});
