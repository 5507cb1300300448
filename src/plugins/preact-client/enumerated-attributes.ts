import {options, type VNode} from 'preact';

/**
 * React writes `spellCheck={false}` as spellcheck="false"; Preact drops an attribute whose value is
 * false, which turns spell checking back on. These attributes are enumerated ("true"/"false"), not
 * boolean, so their boolean values are passed on as strings, as React does. This runs for every
 * element of every render, so it tests the three names directly, without a loop.
 */
const previous = options.vnode;
options.vnode = (vnode: VNode) => {
  if (typeof vnode.type === 'string') {
    const props = vnode.props as Record<string, unknown> | null;
    if (props) {
      if (typeof props.spellCheck === 'boolean') props.spellCheck = String(props.spellCheck);
      if (typeof props.draggable === 'boolean') props.draggable = String(props.draggable);
      if (typeof props.contentEditable === 'boolean') props.contentEditable = String(props.contentEditable);
    }
  }
  previous?.(vnode);
};

export {};
