import type {
  CallExpression,
  Expression,
  FunctionDeclaration,
  ImportDeclaration,
  Node,
  ObjectExpression,
  Program,
  Property,
  SpreadElement,
} from 'estree';

/**
 * A recma step for the guides: each top-level paragraph, list, table and quote of a page becomes a
 * DeferredBlock (src/components/kit/DeferredBlock.tsx) whose content is a function. The build's
 * HTML is unchanged; in the browser the served page hydrates without them, and each hydrates
 * afterwards in a short slice of its own, making its elements only then.
 *
 * It works on what MDX compiles a page to: `_createMdxContent` returns
 * `_jsxs(_Fragment, {children: [...]})`, whose items are `_jsx(type, props)` calls, the type being
 * `_components.p` for Markdown and `"table"` for JSX written in the page. A block is deferred only
 * when its type is one of these element names, which the site's MDX components draw as that element
 * (or, for `ul`, as a component that spreads its props on one).
 */
export const DEFERRED_BLOCK_TYPES: ReadonlySet<string> = new Set(['p', 'ul', 'ol', 'table', 'blockquote']);

const JSX_CALLS = new Set(['_jsx', '_jsxs', '_jsxDEV']);
const COMPONENT = '_DeferredBlock';
const COMPONENT_SOURCE = '@site/src/components/kit/DeferredBlock';

function isBlockType(node: Node): boolean {
  if (
    node.type === 'MemberExpression' &&
    !node.computed &&
    node.object.type === 'Identifier' &&
    node.object.name === '_components' &&
    node.property.type === 'Identifier'
  ) {
    return DEFERRED_BLOCK_TYPES.has(node.property.name);
  }
  return node.type === 'Literal' && typeof node.value === 'string' && DEFERRED_BLOCK_TYPES.has(node.value);
}

function isJsxCall(node: Node | null | undefined): node is CallExpression {
  return Boolean(node && node.type === 'CallExpression' && node.callee.type === 'Identifier' && JSX_CALLS.has(node.callee.name));
}

function keyName(property: Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === 'Identifier') return property.key.name;
  return property.key.type === 'Literal' ? String(property.key.value) : undefined;
}

function property(name: string, value: Expression): Property {
  return {
    type: 'Property',
    key: {type: 'Identifier', name},
    value,
    kind: 'init',
    computed: false,
    method: false,
    shorthand: false,
  };
}

/** `_jsx(type, {...props, children})` as `_jsx(_DeferredBlock, {as: type, ...props, content: () => children})`, or null. */
function deferredBlock(call: CallExpression): CallExpression | null {
  const [type, props, ...rest] = call.arguments;
  if (!type || type.type === 'SpreadElement' || !isBlockType(type)) return null;
  if (!props || props.type !== 'ObjectExpression') return null;
  // A spread could carry children of its own; such a block is left as it is.
  if (props.properties.some((p) => p.type === 'SpreadElement')) return null;
  const own = props.properties as Property[];
  const children = own.find((p) => keyName(p) === 'children');
  if (!children) return null;
  const content: Expression = {
    type: 'ArrowFunctionExpression',
    params: [],
    body: children.value as Expression,
    expression: true,
    async: false,
    generator: false,
  };
  const deferredProps: ObjectExpression = {
    type: 'ObjectExpression',
    properties: [property('as', type), ...own.filter((p) => p !== children), property('content', content)],
  };
  return {...call, arguments: [{type: 'Identifier', name: COMPONENT}, deferredProps, ...rest]};
}

/** Defers the blocks among the fragment's children (or the single block returned); counts them. */
function deferTopLevel(returned: Expression): number {
  let count = 0;
  const replaceIn = (items: Array<Expression | SpreadElement | null>): void => {
    items.forEach((item, index) => {
      if (!isJsxCall(item)) return;
      const replacement = deferredBlock(item);
      if (replacement) {
        items[index] = replacement;
        count++;
      }
    });
  };
  if (!isJsxCall(returned)) return 0;
  const [type, props] = returned.arguments;
  if (type?.type === 'Identifier' && type.name === '_Fragment' && props?.type === 'ObjectExpression') {
    const children = (props.properties.filter((p) => p.type === 'Property') as Property[]).find((p) => keyName(p) === 'children');
    if (children?.value.type === 'ArrayExpression')
      replaceIn(children.value.elements as Array<Expression | SpreadElement | null>);
    else if (children) {
      const single = [children.value as Expression];
      replaceIn(single);
      children.value = single[0]!;
    }
    return count;
  }
  const replacement = deferredBlock(returned);
  if (!replacement) return 0;
  Object.assign(returned, replacement);
  return 1;
}

function mdxContentFunction(program: Program): FunctionDeclaration | undefined {
  return program.body.find(
    (node): node is FunctionDeclaration => node.type === 'FunctionDeclaration' && node.id?.name === '_createMdxContent',
  );
}

/** The recma plugin: `recmaPlugins: [deferredBlocks]` in the docs' options. */
export default function deferredBlocks() {
  return (program: Program): void => {
    const fn = mdxContentFunction(program);
    if (!fn) return;
    let deferred = 0;
    for (const statement of fn.body.body) {
      if (statement.type === 'ReturnStatement' && statement.argument) deferred += deferTopLevel(statement.argument);
    }
    if (deferred === 0) return;
    const declaration: ImportDeclaration = {
      type: 'ImportDeclaration',
      specifiers: [{type: 'ImportDefaultSpecifier', local: {type: 'Identifier', name: COMPONENT}}],
      source: {type: 'Literal', value: COMPONENT_SOURCE},
      attributes: [],
    };
    program.body.unshift(declaration);
  };
}
