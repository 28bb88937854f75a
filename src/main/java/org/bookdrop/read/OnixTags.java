package org.bookdrop.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ONIX's short tags ({@code <b244>}, {@code <productidentifier>}) and their reference names
 * ({@code <IDValue>}, {@code <ProductIdentifier>}), from {@code onix/short-tags.txt}: a feed in
 * short tags is read as one in reference names, so one mapping serves both.
 */
public final class OnixTags {

    private static final Map<String, String> REFERENCE = load();
    private static final Map<String, String> SHORT = reversed(REFERENCE);

    private OnixTags() {
    }

    /** The short tag of a reference name; an unknown name as it is. */
    public static String shortTag(String referenceName) {
        return SHORT.getOrDefault(referenceName, referenceName);
    }

    /**
     * Every tag a feed may write for each of these reference names, with the name it is read as:
     * in short tags, each short tag (and each lower-case composite name) that reads as one of them,
     * and a name that is no short tag as itself; in reference tags, the names themselves.
     */
    static Map<String, String> tagsReadAs(Set<String> referenceNames, boolean shortTags) {
        Map<String, String> tags = new HashMap<>();
        for (String name : referenceNames) {
            if (!shortTags || !REFERENCE.containsKey(name)) {
                tags.put(name, name);
            }
        }
        if (shortTags) {
            REFERENCE.forEach((tag, reference) -> {
                if (referenceNames.contains(reference)) {
                    tags.put(tag, reference);
                }
            });
        }
        return tags;
    }

    private static Map<String, String> reversed(Map<String, String> names) {
        Map<String, String> reversed = new HashMap<>();
        names.forEach((shortTag, reference) -> reversed.put(reference, shortTag));
        return Map.copyOf(reversed);
    }

    private static Map<String, String> load() {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = OnixTags.class.getClassLoader().getResourceAsStream("onix/short-tags.txt");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.strip().split(" ", 2);
                if (parts[0].equals("=")) {
                    names.put(parts[1].toLowerCase(Locale.ROOT), parts[1]);
                } else {
                    names.put(parts[0], parts[1]);
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException("cannot read onix/short-tags.txt from the jar",
                    e instanceof IOException io ? io : new IOException(e));
        }
        return Map.copyOf(names);
    }
}
