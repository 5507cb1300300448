import {describe, expect, it} from 'vitest';
import {themes} from 'prism-react-renderer';
import {contrastRatio, parseColor, readableColor, withReadableContrast} from '../../../src/components/CodePreview/readable-theme';

describe('readable Prism theme', () => {
  it('parses hex and rgb colours', () => {
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('#1b6b3a')).toEqual([27, 107, 58]);
    expect(parseColor('rgb(98, 114, 164)')).toEqual([98, 114, 164]);
    expect(parseColor('red')).toBeUndefined();
  });

  it('keeps a readable colour and darkens a pale one until it reaches 4.5:1', () => {
    expect(readableColor('#393A34', '#f6f8fa', '#393A34')).toBe('#393A34');
    const fixed = readableColor('#999988', '#f6f8fa', '#393A34');
    expect(fixed).not.toBe('#999988');
    expect(contrastRatio(parseColor(fixed)!, parseColor('#f6f8fa')!)).toBeGreaterThanOrEqual(4.5);
  });

  for (const [name, theme] of Object.entries({github: themes.github, dracula: themes.dracula})) {
    it(`gives every token of the ${name} theme at least 4.5:1 on its background`, () => {
      const background = parseColor(theme.plain.backgroundColor!)!;
      for (const entry of withReadableContrast(theme).styles) {
        const color = entry.style.color;
        if (color === undefined) continue;
        expect(contrastRatio(parseColor(color)!, background), `${entry.types.join(',')} ${color}`).toBeGreaterThanOrEqual(4.5);
        expect(entry.style.opacity).toBeUndefined();
      }
    });
  }
});
