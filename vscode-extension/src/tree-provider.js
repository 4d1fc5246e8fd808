'use strict';
// A TreeDataProvider over one kernel view's plain rows (views/tree.js), with the view's message.

const vscode = require('vscode');

class KernelTreeProvider {
  constructor(views, name) {
    this.views = views;
    this.name = name;
    this.emitter = new vscode.EventEmitter();
    this.onDidChangeTreeData = this.emitter.event;
  }

  /** Tells VS Code to read the rows again, and sets the message above them. */
  attach(treeView) {
    this.treeView = treeView;
    return this.views.onDidChange((name) => {
      if (name === this.name) {
        this.treeView.message = this.views.view(name).message;
        this.emitter.fire();
      }
    });
  }

  getChildren(row) {
    return row ? row.children || [] : this.views.view(this.name).rows;
  }

  getTreeItem(row) {
    const state = !row.children ? vscode.TreeItemCollapsibleState.None
      : row.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(row.label, state);
    item.description = row.description;
    item.tooltip = row.tooltip || (row.description ? `${row.label}: ${row.description}` : row.label);
    if (row.icon) {
      item.iconPath = new vscode.ThemeIcon(row.icon);
    }
    // A stable id keeps a row open across refreshes; rows without one are rebuilt closed or open as given.
    if (row.id) {
      item.id = `${this.name}/${row.id}`;
    }
    item.contextValue = 'faultline.row';
    return item;
  }
}

module.exports = { KernelTreeProvider };
