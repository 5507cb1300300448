import type {PrismTheme} from 'prism-react-renderer';

/**
 * Code themes whose every token reaches WCAG AA contrast (4.5:1) on their own background.
 * The stock github and dracula themes draw comments, numbers, variables and XML namespaces
 * below that, and axe reports them on every page with a code block.
 */
function theme(
  plain: {color: string; backgroundColor: string},
  colors: {
    comment: string;
    tag: string;
    attr: string;
    string: string;
    keyword: string;
    func: string;
    number: string;
    variable: string;
  },
): PrismTheme {
  return {
    plain,
    styles: [
      {types: ['comment', 'prolog', 'doctype', 'cdata'], style: {color: colors.comment, fontStyle: 'italic'}},
      {types: ['punctuation', 'operator', 'entity', 'url'], style: {color: plain.color}},
      {types: ['namespace'], style: {opacity: 1}},
      {types: ['tag', 'selector', 'inserted'], style: {color: colors.tag}},
      {types: ['attr-name', 'property'], style: {color: colors.attr}},
      {types: ['attr-value', 'string', 'char', 'template-string'], style: {color: colors.string}},
      {types: ['keyword', 'atrule', 'deleted', 'important'], style: {color: colors.keyword}},
      {types: ['function', 'class-name', 'builtin'], style: {color: colors.func}},
      {types: ['number', 'boolean', 'constant', 'symbol'], style: {color: colors.number}},
      {types: ['variable', 'regex', 'parameter'], style: {color: colors.variable}},
    ],
  };
}

export const accessibleLightCodeTheme = theme(
  {color: '#1f2328', backgroundColor: '#f6f8fa'},
  {
    comment: '#57606a',
    tag: '#116329',
    attr: '#6639ba',
    string: '#0a3069',
    keyword: '#a40e26',
    func: '#6639ba',
    number: '#0550ae',
    variable: '#953800',
  },
);

export const accessibleDarkCodeTheme = theme(
  {color: '#e6edf3', backgroundColor: '#161b22'},
  {
    comment: '#a3acb7',
    tag: '#7ee787',
    attr: '#d2a8ff',
    string: '#a5d6ff',
    keyword: '#ff9492',
    func: '#d2a8ff',
    number: '#79c0ff',
    variable: '#ffa657',
  },
);
