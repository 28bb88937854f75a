package org.bookdrop.mapping;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.bookdrop.read.SourceRecord;

/**
 * A path into a JSON record ({@link FieldPath}): a field, a JSON Pointer, with list steps and
 * filters. Several values found make a list; none, no value.
 */
record PointerSource(List<FieldPath.Step> steps, String label) implements Source {

    @Override
    public JsonNode read(SourceRecord record) {
        JsonNode root = record.fields();
        return root == null ? null : at(root);
    }

    /** The value at the path from this node. */
    JsonNode at(JsonNode root) {
        // Most steps lead from one object to one node (a name, a filter on a single element): no lists for those.
        JsonNode node = root;
        int first = 0;
        for (; first < steps.size(); first++) {
            FieldPath.Step step = steps.get(first);
            if (step.all() || node.isArray()) {
                break;
            }
            JsonNode child = node.get(step.name());
            if (child == null || child.isNull()) {
                return null;
            }
            if (step.filterKey() != null && child.isArray()) {
                break;
            }
            if (step.filterKey() != null && !matches(child, step)) {
                return null;
            }
            node = child;
        }
        if (first == steps.size()) {
            return node.isNull() || node.isMissingNode() ? null : node;
        }
        List<JsonNode> current = List.of(node);
        for (FieldPath.Step step : steps.subList(first, steps.size())) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode each : current) {
                follow(each, step, next);
            }
            if (next.isEmpty()) {
                return null;
            }
            current = next;
        }
        if (current.size() == 1) {
            JsonNode only = current.get(0);
            return only.isNull() || only.isMissingNode() ? null : only;
        }
        ArrayNode many = JsonNodeFactory.instance.arrayNode(current.size());
        current.forEach(many::add);
        return many;
    }

    private static void follow(JsonNode node, FieldPath.Step step, List<JsonNode> into) {
        if (step.all()) {
            node.forEach(into::add);
            return;
        }
        if (node.isArray()) {
            if (step.index() >= 0) {
                JsonNode element = node.get(step.index());
                if (element != null) {
                    into.add(element);
                }
                return;
            }
            // A name over a list: that name in each element, as XPath reads repeated elements.
            for (JsonNode element : node) {
                follow(element, step, into);
            }
            return;
        }
        JsonNode child = node.get(step.name());
        if (child == null || child.isNull()) {
            return;
        }
        if (step.filterKey() == null) {
            into.add(child);
            return;
        }
        if (child.isArray()) {
            for (JsonNode element : child) {
                if (matches(element, step)) {
                    into.add(element);
                }
            }
        } else if (matches(child, step)) {
            into.add(child);
        }
    }

    private static boolean matches(JsonNode node, FieldPath.Step step) {
        JsonNode key = node.get(step.filterKey());
        if (key == null) {
            return false;
        }
        if (key.isArray()) {
            for (JsonNode each : key) {
                if (step.filterValue().equals(each.asText())) {
                    return true;
                }
            }
            return false;
        }
        return step.filterValue().equals(key.asText());
    }
}
