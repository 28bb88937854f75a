package org.bookdrop.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A Product's elements as the reader keeps them ({@link ChildElements}, {@link ShortTexts}) behave as
 * Jackson's own objects do: what PlainOnixProductTest compares with Aalto's reading, and what the
 * mapping and the rejects file read of them.
 */
class ChildElementsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anElementIsAMapOfItsChildrenInTheirOrder() throws Exception {
        ObjectNode element = ChildElements.element();
        LinkedHashMap<String, JsonNode> expected = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            String name = new String(("Name" + i).getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
            element.set(name, TextNode.valueOf("v" + i));
            expected.put(name, TextNode.valueOf("v" + i));
        }
        element.set("Name3", TextNode.valueOf("again"));
        expected.put("Name3", TextNode.valueOf("again"));
        element.remove("Name0");
        expected.remove("Name0");
        element.remove("Absent");

        ObjectNode jackson = JSON.createObjectNode();
        jackson.setAll(expected);
        assertThat(element).isEqualTo(jackson).hasSameHashCodeAs(jackson);
        assertThat(jackson).isEqualTo(element);
        assertThat(JSON.writeValueAsString(element)).isEqualTo(JSON.writeValueAsString(jackson));
        // A name equal to a kept one but another String finds it.
        assertThat(element.get(new String("Name7"))).isEqualTo(TextNode.valueOf("v7"));
        assertThat(element.get("Name0")).isNull();
        assertThat(element.size()).isEqualTo(19);

        Iterator<Map.Entry<String, JsonNode>> children = element.fields();
        while (children.hasNext()) {
            if (children.next().getKey().endsWith("5")) {
                children.remove();
            }
        }
        jackson.remove(Set.of("Name5", "Name15"));
        assertThat(element).isEqualTo(jackson);
        assertThat(element.deepCopy()).isEqualTo(jackson);
    }

    @Test
    void theStackMakesEachElementOfItsOwnChildrenAndListsARepeatedName() {
        ChildElements.Stack stack = new ChildElements.Stack();
        int product = stack.size();
        stack.add(product, "RecordReference", TextNode.valueOf("ref"));
        for (int contributor = 1; contributor <= 3; contributor++) {
            int first = stack.size();
            stack.add(first, "SequenceNumber", TextNode.valueOf(String.valueOf(contributor)));
            stack.add(first, "PersonName", TextNode.valueOf("Author " + contributor));
            stack.add(product, "Contributor", stack.element(first));
        }
        for (int i = 0; i < 100; i++) {
            stack.add(product, "Keyword", TextNode.valueOf("k" + i));
        }
        ObjectNode read = stack.element(product);
        assertThat(stack.size()).isZero();

        ObjectNode expected = JSON.createObjectNode().put("RecordReference", "ref");
        for (int contributor = 1; contributor <= 3; contributor++) {
            expected.withArray("Contributor").addObject().put("SequenceNumber", String.valueOf(contributor))
                    .put("PersonName", "Author " + contributor);
        }
        for (int i = 0; i < 100; i++) {
            expected.withArray("Keyword").add("k" + i);
        }
        assertThat(read).isEqualTo(expected);
        assertThat(read.fieldNames()).toIterable().containsExactly("RecordReference", "Contributor", "Keyword");
    }

    @Test
    void aShortCodeIsOneNodeForTheFeedAndAnyOtherTextItsOwn() {
        ShortTexts texts = new ShortTexts();
        byte[] feed = "A01 15 01 ABCDEFG ABCDEFGH  01 é 01".getBytes(StandardCharsets.UTF_8);
        TextNode a01 = texts.node(feed, 0, 3);
        assertThat(a01.textValue()).isEqualTo("A01");
        assertThat(texts.node("<x>A01</x>".getBytes(StandardCharsets.US_ASCII), 3, 3)).isSameAs(a01);
        assertThat(texts.node(feed, 4, 2).textValue()).isEqualTo("15");
        assertThat(texts.node(feed, 10, 7).textValue()).isEqualTo("ABCDEFG");
        // Too long, a blank at an end, not ASCII, empty: not kept.
        assertThat(texts.node(feed, 18, 8)).isNull();
        assertThat(texts.node(feed, 27, 3)).isNull();
        assertThat(texts.node(feed, 31, 2)).isNull();
        assertThat(texts.node(feed, 0, 0)).isNull();
        // At the very end of the bytes (fewer than eight left).
        assertThat(texts.node(feed, feed.length - 2, 2).textValue()).isEqualTo("01");

        // Many texts: each node holds its own text, however the table's slots are shared.
        Set<TextNode> nodes = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String code = Integer.toString(i * 7919, 36);
            byte[] bytes = ("<" + code + ">").getBytes(StandardCharsets.US_ASCII);
            TextNode node = texts.node(bytes, 1, code.length());
            assertThat(node.textValue()).isEqualTo(code);
            nodes.add(node);
        }
        assertThat(nodes).hasSize(20_000);
    }
}
