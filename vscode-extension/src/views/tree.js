'use strict';
// The plain tree the kernel views are made of: each node a label, an optional description,
// tooltip, codicon and children. tree-provider.js turns it into VS Code TreeItems; tests read it as is.

/** A node; `expanded` opens it at first sight, a node with children is collapsed otherwise. */
function node(label, { description, tooltip, icon, children, expanded, id } = {}) {
  const made = { label: String(label) };
  if (description !== undefined && description !== '') {
    made.description = String(description);
  }
  if (tooltip) {
    made.tooltip = tooltip;
  }
  if (icon) {
    made.icon = icon;
  }
  if (children && children.length) {
    made.children = children;
    made.expanded = Boolean(expanded);
  }
  if (id) {
    made.id = id;
  }
  return made;
}

/** 0x0000000000000012 → 0x12: the adapter pads words to 16 digits, which a tree row cannot spare. */
function shortHex(value) {
  if (typeof value !== 'string' || !/^0x[0-9a-f]+$/i.test(value)) {
    return String(value);
  }
  const digits = value.slice(2).replace(/^0+(?=.)/, '');
  return `0x${digits.toLowerCase()}`;
}

module.exports = { node, shortHex };
