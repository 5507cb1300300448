import type {Token as PrismToken, TokenStream} from 'prismjs';

/** One coloured run of text on one line: its Prism token types, outermost first. */
export interface LineToken {
  types: string[];
  content: string;
  /** Set on the one token of an empty line, whose content is then a line break. */
  empty?: boolean;
}

const NEWLINE = /\r\n|\r|\n/;

function withType(types: string[], type: string | string[] | undefined): string[] {
  if (type === undefined) return types;
  if (Array.isArray(type)) return [...types, ...type];
  return types[types.length - 1] === type ? types : [...types, type];
}

/** An empty line keeps its height: it holds one token whose content is a line break. */
function closeLine(line: LineToken[]): void {
  const [only] = line;
  if (line.length === 0) line.push({types: ['plain'], content: '\n', empty: true});
  else if (line.length === 1 && only && only.content === '') Object.assign(only, {content: '\n', empty: true});
}

/**
 * Prism's nested token stream, flattened into lines of tokens: a token inside another carries
 * both types (`tag`, `punctuation`), text outside any token is `plain`, and a token that spans a
 * line break is cut in two.
 */
export function tokensByLine(stream: TokenStream): LineToken[][] {
  let line: LineToken[] = [];
  const lines = [line];
  const visit = (items: TokenStream, types: string[]): void => {
    for (const item of typeof items === 'string' ? [items] : Array.isArray(items) ? items : [items]) {
      if (typeof item !== 'string') {
        const token = item as PrismToken;
        visit(token.content, withType(withType(types, token.type), token.alias));
        continue;
      }
      const [first = '', ...rest] = item.split(NEWLINE);
      const lineTypes = types.length ? types : ['plain'];
      line.push({types: lineTypes, content: first});
      for (const piece of rest) {
        closeLine(line);
        line = [{types: lineTypes, content: piece}];
        lines.push(line);
      }
    }
  };
  visit(stream, []);
  closeLine(line);
  return lines;
}
