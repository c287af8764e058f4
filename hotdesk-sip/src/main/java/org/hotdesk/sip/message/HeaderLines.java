package org.hotdesk.sip.message;

import java.util.Arrays;

/**
 * The header lines of a message in arrival order, as (canonical name, value) pairs. Kept as two arrays
 * rather than objects per line: a REGISTER has a dozen lines and is parsed 8,000 times a second.
 */
final class HeaderLines {
    private String[] names;
    private String[] values;
    private int size;

    HeaderLines(int capacity) {
        names = new String[Math.max(capacity, 4)];
        values = new String[names.length];
    }

    private HeaderLines(String[] names, String[] values, int size) {
        this.names = names;
        this.values = values;
        this.size = size;
    }

    int size() {
        return size;
    }

    String name(int i) {
        return names[i];
    }

    String value(int i) {
        return values[i];
    }

    /** The index of the first line named {@code canonicalName} at or after {@code from}, or -1. */
    int indexOf(String canonicalName, int from) {
        for (int i = from; i < size; i++) {
            // canonical names of known headers are the same String, so equals usually answers; unknown names
            // keep their spelling and need the case-insensitive comparison
            if (names[i] == canonicalName || names[i].equalsIgnoreCase(canonicalName)) return i;
        }
        return -1;
    }

    int count(String canonicalName) {
        int n = 0;
        for (int i = indexOf(canonicalName, 0); i >= 0; i = indexOf(canonicalName, i + 1)) n++;
        return n;
    }

    void add(String name, String value) {
        insert(size, name, value);
    }

    void insert(int at, String name, String value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        System.arraycopy(names, at, names, at + 1, size - at);
        System.arraycopy(values, at, values, at + 1, size - at);
        names[at] = name;
        values[at] = value;
        size++;
    }

    void setValue(int i, String value) {
        values[i] = value;
    }

    void remove(int i) {
        System.arraycopy(names, i + 1, names, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        names[size] = null;
        values[size] = null;
    }

    HeaderLines copy() {
        return new HeaderLines(names.clone(), values.clone(), size);
    }
}
