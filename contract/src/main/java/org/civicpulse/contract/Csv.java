package org.civicpulse.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A minimal RFC 4180 reader for the catalogue files: a header row, then one record a row. */
final class Csv {
    private final String name;
    private final Map<String, Integer> columns;
    private final List<List<String>> rows;

    private Csv(String name, Map<String, Integer> columns, List<List<String>> rows) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * Parses CSV text: quoted fields may hold commas, line breaks and doubled quotes; rows end in
     * LF, CRLF or CR; a leading byte-order mark and blank lines are ignored.
     *
     * @param name the file name, used in error messages
     * @throws IllegalStateException if the text is malformed or a row has the wrong width
     */
    static Csv parse(String name, String text) {
        List<List<String>> records = records(name, Utf8.withoutByteOrderMark(text));
        // Blank lines carry no record; dropping them keeps a stray empty line from failing.
        records.removeIf(r -> r.size() == 1 && r.get(0).isBlank());
        if (records.isEmpty()) {
            throw new IllegalStateException("Catalogue file " + name + " has no header row");
        }
        List<String> header = records.get(0);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim(), i);
        }
        List<List<String>> rows = new ArrayList<>(records.subList(1, records.size()));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != header.size()) {
                throw new IllegalStateException("Catalogue file " + name + ", record " + (i + 2)
                        + ": " + rows.get(i).size() + " fields, the header has " + header.size());
            }
        }
        return new Csv(name, columns, rows);
    }

    int size() {
        return rows.size();
    }

    /** The value of a column in a data row (0 = first row after the header). */
    String get(int row, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalStateException(
                    "Catalogue file " + name + " has no column '" + column + "'");
        }
        return rows.get(row).get(index);
    }

    private static List<List<String>> records(String name, String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                line++;
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalStateException(
                    "Catalogue file " + name + ": unterminated quoted field at line " + line);
        }
        // A file without a final line break still ends its last record.
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
