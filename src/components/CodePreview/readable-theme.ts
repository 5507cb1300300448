import type {PrismTheme} from 'prism-react-renderer';

/**
 * Some stock Prism themes colour comments, the XML declaration or entities below the WCAG AA
 * contrast ratio (4.5:1). This keeps the site's theme but pulls any such colour towards the
 * theme's own text colour until it is readable on the theme's background.
 */
const MIN_CONTRAST = 4.5;

type Rgb = [number, number, number];

export function parseColor(color: string): Rgb | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex?.[1]) {
    const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as Rgb;
  }
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(color.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return undefined;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function mix(from: Rgb, to: Rgb, amount: number): Rgb {
  return from.map((v, i) => Math.round(v + (to[i]! - v) * amount)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** The colour itself when readable, else the nearest mix towards `text` that is. */
export function readableColor(color: string, background: string, text: string): string {
  const fg = parseColor(color);
  const bg = parseColor(background);
  const toward = parseColor(text);
  if (!fg || !bg || !toward) return color;
  for (let step = 0; step <= 10; step++) {
    const candidate = mix(fg, toward, step / 10);
    if (contrastRatio(candidate, bg) >= MIN_CONTRAST) return step === 0 ? color : toHex(candidate);
  }
  return text;
}

export function withReadableContrast(theme: PrismTheme): PrismTheme {
  const background = theme.plain.backgroundColor;
  const text = theme.plain.color;
  if (!background || !text) return theme;
  return {
    ...theme,
    styles: theme.styles.map((entry) => {
      const {color, opacity, ...rest} = entry.style;
      // Faded tokens (opacity) are as hard to read as pale ones; drop the fade and check the colour.
      const base = color ?? (opacity !== undefined ? text : undefined);
      if (base === undefined) return entry;
      return {...entry, style: {...rest, color: readableColor(base, background, text)}};
    }),
  };
}
