package org.bookdrop.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.bookdrop.inbox.FreeNames;
import org.bookdrop.read.BookFormat;
import org.bookdrop.read.UnreadableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /upload}: a file dropped on the console's page, streamed into the inbox. The body is
 * the file itself (not a form), its name in the {@code X-File-Name} header. It is written to a
 * hidden {@code .upload-….part} name in the inbox, which the intake never takes, and given its own
 * name only once it has arrived whole; an upload that breaks off leaves nothing. Refused: a request
 * from another site (its Origin is not the console's), a name whose extension bookdrop does not
 * read, and a file over the size limit (by its Content-Length, before a byte is written).
 *
 * <p>Served by a handler on the console's Vert.x router, like {@link LiveEvents}: Camel's
 * platform-http would hold the whole body (in memory, or spooled to a temporary folder) before its
 * route could start, where a handler writes it straight to its place and stops at the limit.
 */
public final class Uploads {

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);
    static final String PATH = "/upload";
    static final String NAME_HEADER = "X-File-Name";
    /** For the page's file input: the extensions bookdrop reads. */
    static final String ACCEPTED = ".json,.ndjson,.jsonl,.csv,.mrc,.marc,.marcxml,.onix,.xml,.gz";
    /** What is left of a name: letters and digits of any script, and a few marks common in file names. */
    private static final Pattern NOT_PLAIN = Pattern.compile("[^\\p{L}\\p{N} ._()+,=@-]");
    private static final int LONGEST_NAME = 200;

    /** The header naming the inbox folder of the mapping to read the file with; none: the inbox itself. */
    static final String FOLDER_HEADER = "X-Mapping-Folder";

    private final Path inbox;
    private final Set<String> mappingFolders;
    private final long maxBytes;
    private final Clock clock;

    /**
     * @param mappingFolders the inbox folders that mappings take files from: an upload may go into
     *                       one of these (and no other), to be read with that folder's mapping
     */
    public Uploads(Path inbox, Set<String> mappingFolders, long maxBytes, Clock clock) {
        this.inbox = inbox;
        this.mappingFolders = Set.copyOf(mappingFolders);
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public void serveOn(Router router) {
        router.post(PATH).handler(this::receive);
    }

    /**
     * The name a file is given in the inbox: its last path part only, without control characters
     * and anything but letters, digits and {@code ._()+,=@-} and spaces, without leading dots (no
     * hidden files); empty when nothing is left.
     */
    static String cleanName(String raw) {
        if (raw == null) {
            return "";
        }
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = NOT_PLAIN.matcher(name).replaceAll("_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > LONGEST_NAME) {
            int dot = name.lastIndexOf('.', name.length() - 2);
            String extension = dot > 0 && name.length() - dot <= 12 ? name.substring(dot) : "";
            name = name.substring(0, LONGEST_NAME - extension.length()) + extension;
        }
        return name;
    }

    /** An upload that may go on: the file's clean name, the inbox folder it goes into, and its size. */
    private record Upload(String name, Path into, long length) {
    }

    private void receive(RoutingContext context) {
        HttpServerRequest request = context.request();
        Upload upload = accepted(request);
        if (upload == null) {
            return;
        }
        String name = upload.name();
        Path part = upload.into().resolve(".upload-" + UUID.randomUUID() + ".part");
        AtomicBoolean over = new AtomicBoolean();
        // A connection that closes before the file arrived whole (even before the pipe below began): nothing is kept.
        context.response().closeHandler(closed -> {
            if (over.compareAndSet(false, true)) {
                LOG.warn("The upload of {} broke off; nothing of it was kept", name);
                deleteQuietly(context, part);
            }
        });
        request.pause();
        FileSystem files = context.vertx().fileSystem();
        OpenOptions createNew = new OpenOptions().setWrite(true).setCreateNew(true);
        files.mkdirs(upload.into().toString()).compose(made -> files.open(part.toString(), createNew)).onComplete(opened -> {
            if (opened.failed()) {
                over.set(true);
                request.resume();
                answer(context, 500, "cannot write into the inbox folder " + upload.into() + ": " + opened.cause().getMessage());
                return;
            }
            AsyncFile file = opened.result();
            if (over.get()) {
                file.close().onComplete(ignored -> deleteQuietly(context, part));
                return;
            }
            request.pipeTo(file).onComplete(piped -> {
                if (piped.failed()) {
                    if (over.compareAndSet(false, true)) {
                        deleteQuietly(context, part);
                        LOG.warn("The upload of {} broke off ({}); nothing of it was kept", name, piped.cause().getMessage());
                        answer(context, 400, "the upload of " + name + " broke off; nothing of it was kept");
                    }
                    return;
                }
                context.vertx().<Path>executeBlocking(() -> place(part, upload), false).onComplete(placed -> {
                    if (!over.compareAndSet(false, true)) {
                        return;
                    }
                    if (placed.failed()) {
                        deleteQuietly(context, part);
                        answer(context, 500, placed.cause().getMessage());
                    } else {
                        String stored = inbox.relativize(placed.result()).toString();
                        LOG.info("{} uploaded through the console into the inbox as {} ({} bytes)", name, stored, upload.length());
                        context.response().setStatusCode(201).putHeader("Content-Type", WebResponses.JSON)
                                .end(new JsonObject().put("file", stored).put("bytes", upload.length()).encode());
                    }
                });
            });
        });
    }

    /** The upload the request asks for; null when it is refused (and answered already, saying why). */
    private Upload accepted(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || !sameAuthority(origin, request.authority())) {
            refuse(request, 403, "uploads are taken only from bookdrop's own page (the request came from "
                    + (origin == null ? "no page" : origin) + ")");
            return null;
        }
        String raw = request.getHeader(NAME_HEADER);
        String name;
        try {
            name = raw == null ? "" : cleanName(URLDecoder.decode(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            refuse(request, 400, "the file's name (header " + NAME_HEADER + ") is not percent-encoded: " + e.getMessage());
            return null;
        }
        if (name.isEmpty()) {
            refuse(request, 400, "the upload names no file (header " + NAME_HEADER + ")");
            return null;
        }
        try {
            BookFormat.of(name);
        } catch (UnreadableFileException e) {
            refuse(request, 415, e.getMessage());
            return null;
        }
        String folder = request.getHeader(FOLDER_HEADER) == null ? "" : request.getHeader(FOLDER_HEADER).strip();
        if (!folder.isEmpty() && !mappingFolders.contains(folder)) {
            refuse(request, 400, "no mapping takes the files of the inbox folder '" + folder + "'");
            return null;
        }
        String length = request.getHeader("Content-Length");
        if (length == null) {
            refuse(request, 411, "the upload must say its size (Content-Length)");
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            refuse(request, 400, "the upload's size (Content-Length) is not a number");
            return null;
        }
        if (bytes > maxBytes) {
            refuse(request, 413, String.format("%s is %,d bytes, over the console's limit of %,d MB "
                    + "(BOOKDROP_WEB_MAX_UPLOAD_MB); copy it into the inbox instead", name, bytes, maxBytes / (1024 * 1024)));
            return null;
        }
        return new Upload(name, folder.isEmpty() ? inbox : inbox.resolve(folder), bytes);
    }

    /** Whether the page that sent the request was served from the address the request came to (its Host, or HTTP/2's :authority). */
    static boolean sameAuthority(String origin, HostAndPort requested) {
        if (requested == null) {
            return false;
        }
        try {
            URI page = URI.create(origin);
            int defaultPort = "https".equalsIgnoreCase(page.getScheme()) ? 443 : 80;
            int pagePort = page.getPort() < 0 ? defaultPort : page.getPort();
            int requestedPort = requested.port() < 0 ? defaultPort : requested.port();
            return page.getHost() != null && page.getHost().equalsIgnoreCase(requested.host()) && pagePort == requestedPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(HttpServerRequest request, int status, String why) {
        // The body is not read: the connection closes after the answer, so a browser stops sending.
        request.response().setStatusCode(status).putHeader("Content-Type", WebResponses.JSON).putHeader("Connection", "close")
                .end(new JsonObject().put("error", why).encode());
    }

    private static void answer(RoutingContext context, int status, String why) {
        if (!context.response().ended() && !context.response().closed()) {
            context.response().setStatusCode(status).putHeader("Content-Type", WebResponses.JSON)
                    .end(new JsonObject().put("error", why).encode());
        }
    }

    /** Gives the whole upload its name in the inbox, the first free one (books-2026-12-02T101500Z.json when taken). */
    private Path place(Path part, Upload upload) throws IOException {
        long size = Files.size(part);
        if (size != upload.length()) {
            throw new IOException("the upload of " + upload.name() + " ended after " + size + " of " + upload.length()
                    + " bytes; nothing of it was kept");
        }
        while (true) {
            Path target = FreeNames.free(upload.into(), upload.name(), clock.instant(), List.of());
            try {
                // A hard link fails when the name was taken meanwhile, where a rename would replace that file.
                Files.createLink(target, part);
                Files.delete(part);
                return target;
            } catch (FileAlreadyExistsException e) {
                // Taken a moment ago: the next free name.
            } catch (UnsupportedOperationException | FileSystemException e) {
                // A file system without hard links: a rename, checked for a taken name just before.
                return Files.move(part, target);
            }
        }
    }

    private static void deleteQuietly(RoutingContext context, Path part) {
        context.vertx().fileSystem().delete(part.toString()).onFailure(e -> LOG.debug("{} not deleted: {}", part, e.getMessage()));
    }
}
