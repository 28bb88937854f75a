package org.bookdrop.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.bookdrop.read.BookFormat;

/**
 * The mappings bookdrop knows, and which one reads which file: bookdrop's own shape for files that
 * no other mapping takes, the mappings shipped in the jar (each for its inbox subfolder), and the
 * user's own, from a folder of {@code *.yaml} files; a user's mapping of the same name as a shipped
 * one replaces it. All are read and checked when bookdrop starts.
 */
public final class Mappings {

    /** Where the shipped mappings are, in the jar; a user copies one of them to change it. */
    public static final String SHIPPED_FOLDER = "mappings/";
    /** The shipped mappings besides bookdrop's own shape, by name. */
    public static final List<String> SHIPPED = List.of("goodreads", "librarything", "openlibrary-editions", "marc21", "onix");
    public static final String BOOKDROP = "bookdrop";

    private final Mapping bookdrop;
    private final Map<String, Mapping> routed;
    private final Mapping forced;

    private Mappings(Mapping bookdrop, Map<String, Mapping> routed, Mapping forced) {
        this.bookdrop = bookdrop;
        this.routed = routed;
        this.forced = forced;
    }

    /** The same mappings, but every file read with this one (import --mapping, validate --mapping). */
    public Mappings forcing(Mapping mapping) {
        return new Mappings(bookdrop, routed, mapping);
    }

    /**
     * @param userFolder a folder of the user's mapping files; none read when it does not exist
     * @param strict     whether bookdrop's own shape refuses records with other fields (BOOKDROP_STRICT)
     * @throws MappingException for a mapping that cannot be used
     */
    public static Mappings load(Path userFolder, boolean strict) {
        Map<String, Mapping> all = new LinkedHashMap<>();
        for (Path file : userFiles(userFolder)) {
            Mapping mapping = MappingFile.load(file);
            if (mapping.name().equals(BOOKDROP)) {
                throw new MappingException(file + ": the name bookdrop is bookdrop's own shape; give the mapping another name");
            }
            if (all.put(mapping.name(), mapping) != null) {
                throw new MappingException(file + ": another file in " + userFolder + " is a mapping named " + mapping.name());
            }
        }
        for (String name : SHIPPED) {
            all.putIfAbsent(name, shipped(name));
        }
        Map<String, String> folders = new LinkedHashMap<>();
        for (Mapping mapping : all.values()) {
            if (mapping.folder() != null && mapping.files().isEmpty()) {
                String other = folders.put(mapping.folder(), mapping.name());
                if (other != null) {
                    throw new MappingException(mapping.origin() + ": the mappings " + other + " and " + mapping.name()
                            + " both take every file of the inbox folder " + mapping.folder() + "; give one of them files: patterns");
                }
            }
        }
        Mapping own = shipped(BOOKDROP).asBookdropShape();
        return new Mappings(strict ? own.withOtherFields(Mapping.OtherFields.REJECT) : own, all, null);
    }

    private static final Map<String, Mapping> FORMAT_MAPPINGS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The shipped mapping of a format that has its own shape (MARC 21, ONIX for Books), for its
     * files that no other mapping takes: {@code marc21}, {@code onix}.
     */
    public static Optional<Mapping> shippedForFormat(BookFormat format) {
        return formatMappingName(format).map(name -> FORMAT_MAPPINGS.computeIfAbsent(name, Mappings::shipped));
    }

    /** The mapping of a format that has its own shape: the user's own of its name ({@code marc21}, {@code onix}), else the shipped one. */
    public Optional<Mapping> forFormat(BookFormat format) {
        return formatMappingName(format).map(routed::get);
    }

    private static Optional<String> formatMappingName(BookFormat format) {
        return switch (format) {
            case MARC, MARCXML -> Optional.of("marc21");
            case ONIX -> Optional.of("onix");
            default -> Optional.empty();
        };
    }

    /** bookdrop's own shape: the fields named as the table's columns. */
    public static Mapping bookdropShape(boolean strict) {
        Mapping own = shipped(BOOKDROP).asBookdropShape();
        return strict ? own.withOtherFields(Mapping.OtherFields.REJECT) : own;
    }

    /** A shipped mapping, by name. */
    public static Mapping shipped(String name) {
        String resource = SHIPPED_FOLDER + name + ".yaml";
        try (InputStream in = Mappings.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new MappingException("no mapping named " + name + " ships with bookdrop (shipped: bookdrop, "
                        + String.join(", ", SHIPPED) + ")");
            }
            return MappingFile.parse("bookdrop.jar!" + resource, name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
        }
    }

    private static List<Path> userFiles(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new MappingException(folder + ": cannot list the mappings: " + e.getMessage(), e);
        }
    }

    /** The mapping that reads a file of the inbox, by its path within the inbox: one that takes it, else bookdrop's own shape. */
    public Mapping forFile(String pathInInbox) {
        if (forced != null) {
            return forced;
        }
        for (Mapping mapping : routed.values()) {
            if (mapping.takes(pathInInbox)) {
                return mapping;
            }
        }
        return bookdrop;
    }

    /**
     * A mapping named on the command line: a mapping file's path, or the name of a known mapping.
     *
     * @throws MappingException when it is neither
     */
    public Mapping named(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            return MappingFile.load(file);
        }
        if (nameOrFile.equals(BOOKDROP)) {
            return bookdrop;
        }
        Mapping mapping = routed.get(nameOrFile);
        if (mapping == null) {
            throw new MappingException("no mapping file " + nameOrFile + ", and no mapping of that name (known: bookdrop, "
                    + String.join(", ", routed.keySet()) + ")");
        }
        return mapping;
    }

    /** The inbox subfolders that mappings take files from: bookdrop looks into these, and no others. */
    public Set<String> folders() {
        Set<String> folders = new TreeSet<>();
        routed.values().forEach(mapping -> {
            if (mapping.folder() != null) {
                folders.add(mapping.folder());
            }
        });
        return folders;
    }

    public Mapping bookdrop() {
        return bookdrop;
    }

    public List<Mapping> all() {
        List<Mapping> all = new ArrayList<>();
        all.add(bookdrop);
        all.addAll(routed.values());
        return all;
    }
}
