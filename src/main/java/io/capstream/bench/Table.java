package io.capstream.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A small text table printed either as GitHub markdown or as aligned plain columns. Columns whose
 * cells are all numbers are right-aligned.
 */
public final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param headers column titles
     */
    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    /**
     * Adds a row.
     *
     * @param cells one value per column
     * @return this table
     */
    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(
                    cells.length + " cells for " + headers.size() + " columns");
        }
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    /** Number of rows added. */
    public int size() {
        return rows.size();
    }

    /**
     * Renders the table.
     *
     * @param markdown pipes and a separator line if true, padded columns otherwise
     * @return the lines, each ending with a newline
     */
    public String render(boolean markdown) {
        int n = headers.size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        for (int c = 0; c < n; c++) {
            width[c] = headers.get(c).length();
            numeric[c] = !rows.isEmpty();
            for (List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
                numeric[c] &= r.get(c).matches("[-+]?[0-9.,]+[%×x]?|n/a|-");
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, width, numeric, markdown);
        if (markdown) {
            out.append('|');
            for (int c = 0; c < n; c++) {
                out.append(
                        numeric[c]
                                ? " " + "-".repeat(width[c] - 1) + ": |"
                                : " " + "-".repeat(width[c]) + " |");
            }
            out.append('\n');
        }
        for (List<String> r : rows) {
            line(out, r, width, numeric, markdown);
        }
        return out.toString();
    }

    private static void line(
            StringBuilder out,
            List<String> cells,
            int[] width,
            boolean[] numeric,
            boolean markdown) {
        StringBuilder s = new StringBuilder(markdown ? "|" : "");
        for (int c = 0; c < cells.size(); c++) {
            String v = cells.get(c);
            String pad = " ".repeat(width[c] - v.length());
            String cell = numeric[c] ? pad + v : v + pad;
            s.append(markdown ? " " + cell + " |" : (c == 0 ? "" : "  ") + cell);
        }
        out.append(markdown ? s : s.toString().stripTrailing()).append('\n');
    }
}
