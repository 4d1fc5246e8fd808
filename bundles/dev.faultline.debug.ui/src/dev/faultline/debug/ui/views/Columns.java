package dev.faultline.debug.ui.views;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.layout.TreeColumnLayout;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;

/**
 * Tables and trees whose columns share the view's width in proportion to their natural widths,
 * never narrower than those: a narrow view scrolls sideways instead of cutting its cells off.
 */
final class Columns {

    private Columns() {
    }

    static Tree tree(Composite parent, String[] headers, int[] widths) {
        Composite holder = new Composite(parent, SWT.NONE);
        TreeColumnLayout layout = new TreeColumnLayout();
        holder.setLayout(layout);
        Tree tree = new Tree(holder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        for (int i = 0; i < headers.length; i++) {
            TreeColumn column = new TreeColumn(tree, SWT.LEFT);
            column.setText(headers[i]);
            layout.setColumnData(column, new ColumnWeightData(widths[i], widths[i]));
        }
        return tree;
    }

    static Table table(Composite parent, String[] headers, int[] widths) {
        Composite holder = new Composite(parent, SWT.NONE);
        TableColumnLayout layout = new TableColumnLayout();
        holder.setLayout(layout);
        Table table = new Table(holder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < headers.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(headers[i]);
            layout.setColumnData(column, new ColumnWeightData(widths[i], widths[i]));
        }
        return table;
    }

    static String[] headers(Tree tree) {
        TreeColumn[] columns = tree.getColumns();
        String[] headers = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            headers[i] = columns[i].getText();
        }
        return headers;
    }

    static String[] headers(Table table) {
        TableColumn[] columns = table.getColumns();
        String[] headers = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            headers[i] = columns[i].getText();
        }
        return headers;
    }
}
