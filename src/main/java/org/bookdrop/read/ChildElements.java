package org.bookdrop.read;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The kept children of an element of a Product, by name, in the order they were read: names and
 * nodes side by side in one array, looked through one by one, as an element keeps only a few. A
 * Product's elements wait for the check stage in batches of thousands; a {@code LinkedHashMap} for
 * each (the map, its table and an entry a child) took 2,230 of a Product's 5,772 bytes, and was
 * much of what the garbage collector copied while an ONIX feed was imported.
 */
final class ChildElements extends AbstractMap<String, JsonNode> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Object[] NONE = {};

    /** Name, node, name, node, ... */
    private Object[] entries = NONE;
    private int size;

    private ChildElements() {
    }

    private ChildElements(Object[] entries) {
        this.entries = entries;
        this.size = entries.length / 2;
    }

    /** An element with no child yet. */
    static ObjectNode element() {
        return new ObjectNode(NODES, new ChildElements());
    }

    /**
     * A repeated name's elements, in their order, under that name once: the first one's node is
     * replaced by an array of them.
     */
    static JsonNode together(JsonNode before, JsonNode child) {
        if (before.isArray()) {
            ((ArrayNode) before).add(child);
            return before;
        }
        ArrayNode list = NODES.arrayNode(2);
        list.add(before);
        list.add(child);
        return list;
    }

    /**
     * The children of the elements being read, from the outermost in, each element's from the
     * size the stack had at its start tag: an element's children are known at its end tag, and
     * then made into an array of just their size.
     */
    static final class Stack {
        private Object[] entries = new Object[64];
        private int size;

        /** The number of children on the stack: where the next element's will start. */
        int size() {
            return size;
        }

        void clear() {
            Arrays.fill(entries, 0, size * 2, null);
            size = 0;
        }

        /** Adds a child to the element whose children start at {@code first}, beside its others of the same name. */
        void add(int first, String name, JsonNode child) {
            Object[] entries = this.entries;
            for (int i = first * 2; i < size * 2; i += 2) {
                if (entries[i].equals(name)) {
                    entries[i + 1] = together((JsonNode) entries[i + 1], child);
                    return;
                }
            }
            if (size * 2 == entries.length) {
                this.entries = entries = Arrays.copyOf(entries, entries.length * 2);
            }
            entries[size * 2] = name;
            entries[size * 2 + 1] = child;
            size++;
        }

        /** The element whose children start at {@code first}, made of them; they leave the stack. */
        ObjectNode element(int first) {
            if (size == first) {
                return ChildElements.element();
            }
            Object[] children = Arrays.copyOfRange(entries, first * 2, size * 2);
            Arrays.fill(entries, first * 2, size * 2, null);
            size = first;
            return new ObjectNode(NODES, new ChildElements(children));
        }
    }

    private int indexOf(Object name) {
        Object[] entries = this.entries;
        int end = size * 2;
        for (int i = 0; i < end; i += 2) {
            if (entries[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public JsonNode get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : (JsonNode) entries[i + 1];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public JsonNode put(String name, JsonNode node) {
        int i = indexOf(name);
        if (i >= 0) {
            JsonNode before = (JsonNode) entries[i + 1];
            entries[i + 1] = node;
            return before;
        }
        if (size * 2 == entries.length) {
            entries = Arrays.copyOf(entries, Math.max(8, entries.length * 2));
        }
        entries[size * 2] = name;
        entries[size * 2 + 1] = node;
        size++;
        return null;
    }

    @Override
    public JsonNode remove(Object name) {
        int i = indexOf(name);
        if (i < 0) {
            return null;
        }
        JsonNode before = (JsonNode) entries[i + 1];
        removeAt(i);
        return before;
    }

    private void removeAt(int i) {
        System.arraycopy(entries, i + 2, entries, i, size * 2 - i - 2);
        size--;
        entries[size * 2] = null;
        entries[size * 2 + 1] = null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        Arrays.fill(entries, 0, size * 2, null);
        size = 0;
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, JsonNode>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < size * 2;
                    }

                    @Override
                    public Map.Entry<String, JsonNode> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        last = next;
                        next += 2;
                        return new Child(last);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** A child as a map entry, written through to its place. */
    private final class Child implements Map.Entry<String, JsonNode> {
        private final int at;

        Child(int at) {
            this.at = at;
        }

        @Override
        public String getKey() {
            return (String) entries[at];
        }

        @Override
        public JsonNode getValue() {
            return (JsonNode) entries[at + 1];
        }

        @Override
        public JsonNode setValue(JsonNode node) {
            JsonNode before = getValue();
            entries[at + 1] = node;
            return before;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Map.Entry<?, ?> entry && getKey().equals(entry.getKey()) && getValue().equals(entry.getValue());
        }

        @Override
        public int hashCode() {
            return getKey().hashCode() ^ getValue().hashCode();
        }
    }
}
