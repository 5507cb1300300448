import {options, type VNode} from 'preact';

/**
 * React writes `spellCheck={false}` as spellcheck="false"; Preact drops an attribute whose value is
 * false, which turns spell checking back on. These attributes are enumerated ("true"/"false"), not
 * boolean, so their boolean values are passed on as strings, as React does.
 */
const enumerated = ['spellCheck', 'draggable', 'contentEditable'] as const;

const previous = options.vnode;
options.vnode = (vnode: VNode) => {
  if (typeof vnode.type === 'string' && vnode.props) {
    const props = vnode.props as Record<string, unknown>;
    for (const name of enumerated) {
      if (typeof props[name] === 'boolean') props[name] = String(props[name]);
    }
  }
  previous?.(vnode);
};

export {};
