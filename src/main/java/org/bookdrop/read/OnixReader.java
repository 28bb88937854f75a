package org.bookdrop.read;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.io.input.ReaderInputStream;

/**
 * Reads an ONIX for Books 3.0 or 3.1 message (reference or short tags) one {@code <Product>} at a
 * time, never the whole message: its start is read with StAX (the root, its release, the encoding);
 * then, on this thread, each Product that is plain XML (nearly all) is cut out and read in one pass
 * over its bytes ({@link PlainOnixProduct}); any other is cut out as bytes, past comments, CDATA
 * sections and processing instructions, and parsed by Aalto in the check stage, on all cores
 * ({@link OnixProduct}). Text in another encoding than UTF-8 is turned into UTF-8 on the way; a
 * byte that is not valid in it stops the file there. A Product that is not well-formed is rejected
 * with its place, and the Products after it are read as usual; a message that ends before its end
 * tag stops the file there, after the Products before. ONIX 2.1 is refused, saying so.
 */
public final class OnixReader extends RecordReader {

    /** A Product bigger than this is not kept, but rejected: no feed has such, and memory stays bounded. */
    static final int MAX_PRODUCT_BYTES = 16 * 1024 * 1024;
    /** The message's start, where the root element is looked for. */
    private static final int HEAD_BYTES = 64 * 1024;

    private final InputStream in;
    private final OnixNames names;
    private final byte[] productName;
    private final byte[] rootName;
    /** The root's name in the other tag set: some feeds open {@code <ONIXmessage>} and close {@code </ONIXMessage>}. */
    private final byte[] otherRootName;
    private final byte[] wrapper;
    private final PlainOnixProduct plainProducts;
    /** A Product read in one pass must be whole in the chunk, which grows up to this for a long one; a longer one is cut out. */
    private static final int LONGEST_READ_IN_ONE_PASS = 1024 * 1024;

    private byte[] chunk = new byte[64 * 1024];
    private int position;
    private int end;
    private boolean endOfFile;
    /** The bytes of the Product being cut out, but for those from {@link #keptFrom} in the chunk, copied at its end or the chunk's. */
    private byte[] kept = new byte[8 * 1024];
    private int keptLength;
    private int keptFrom;
    /** The name of the tag being read (enough of it to tell a Product's and the root's). */
    private final byte[] name = new byte[256];
    private int nameLength;
    /** A Product found together with the one before it, handed on next. */
    private SourceRecord pending;
    private boolean inProduct;
    private boolean tooLong;
    private long productLine;
    private long line = 1;
    private long number;
    private boolean rootEnded;
    private boolean finished;

    /** @param namesRead the reference names of the elements the mapping reads (any depth) */
    public OnixReader(InputStream content, Set<String> namesRead) {
        BufferedInputStream buffered = new BufferedInputStream(content, HEAD_BYTES);
        Head head = head(buffered);
        boolean shortTags = head.root().equals("ONIXmessage");
        this.names = new OnixNames(namesRead, shortTags);
        this.productName = (shortTags ? "product" : "Product").getBytes(StandardCharsets.US_ASCII);
        this.rootName = head.root().getBytes(StandardCharsets.US_ASCII);
        this.otherRootName = (shortTags ? "ONIXMessage" : "ONIXmessage").getBytes(StandardCharsets.US_ASCII);
        this.in = utf8(buffered, head.encoding());
        this.wrapper = head.wrapper();
        this.plainProducts = new PlainOnixProduct(names, productName);
    }

    /** @param wrapper a start tag declaring the root's namespace prefixes, or null ({@link OnixProduct#wrapper}) */
    private record Head(String root, String encoding, byte[] wrapper) {
    }

    /** The root element, checked to be an ONIX 3.0 or 3.1 message, and the encoding; the stream is left at its start. */
    private static Head head(BufferedInputStream in) {
        try {
            in.mark(HEAD_BYTES);
            byte[] bytes = in.readNBytes(HEAD_BYTES);
            in.reset();
            XMLStreamReader xml = SafeXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            String doctype = "";
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                if (xml.getEventType() == XMLStreamConstants.DTD) {
                    doctype = xml.getText();
                }
            }
            if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw new UnreadableFileException("the file has no XML element: it is not an ONIX message");
            }
            String root = xml.getLocalName();
            if (!root.equals("ONIXMessage") && !root.equals("ONIXmessage")) {
                throw new UnreadableFileException("not ONIX for Books: its root element is <" + root + ">, not <ONIXMessage>");
            }
            String release = xml.getAttributeValue(null, "release");
            if (release == null || doctype.contains("2.1")) {
                throw new UnreadableFileException("this is an ONIX 2.1 message (its <" + root + "> has no release=\"3.0\" or "
                        + "\"3.1\"); bookdrop reads ONIX for Books 3.0 and 3.1: ask the sender for a 3.0 or 3.1 feed");
            }
            if (!release.startsWith("3.0") && !release.startsWith("3.1")) {
                throw new UnreadableFileException("ONIX release " + release + ": bookdrop reads ONIX for Books 3.0 and 3.1");
            }
            String encoding = xml.getEncoding() != null ? xml.getEncoding() : xml.getCharacterEncodingScheme();
            return new Head(root, encoding == null ? "UTF-8" : encoding, OnixProduct.wrapper(xml));
        } catch (XMLStreamException e) {
            throw SafeXml.notXml(e, "the message's start");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content in UTF-8: as it is when it is UTF-8 (or ASCII), else decoded and encoded again, refusing bytes not valid in it. */
    private static InputStream utf8(InputStream in, String encoding) {
        String name = encoding.toUpperCase(Locale.ROOT);
        if (name.equals("UTF-8") || name.equals("UTF8") || name.equals("US-ASCII") || name.equals("ASCII")) {
            return in;
        }
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            throw new UnreadableFileException("the XML declaration names the encoding '" + encoding + "', which Java does not know", e);
        }
        InputStreamReader decoded = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            return ReaderInputStream.builder().setReader(decoded).setCharset(StandardCharsets.UTF_8).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected SourceRecord readRecord() {
        if (pending != null) {
            SourceRecord record = pending;
            pending = null;
            return record;
        }
        if (finished) {
            return null;
        }
        try {
            while (true) {
                SourceRecord product = scan();
                if (product != null) {
                    return product;
                }
                if (endOfFile) {
                    finished = true;
                    if (inProduct) {
                        return unreadable("the file ends inside this Product (no end tag)");
                    }
                    if (!rootEnded) {
                        throw new UnreadableFileException("the file ends before </" + new String(rootName, StandardCharsets.US_ASCII)
                                + ">: it was cut short after Product " + number + " (line " + line + ")");
                    }
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read the file after Product " + number + " (line " + line + "): "
                    + e.getMessage(), e);
        }
    }

    /** Reads up to the end of the next Product, or of the file; @return the Product, or null at the end of the file */
    private SourceRecord scan() throws IOException {
        while (true) {
            // Text up to the next markup: kept within a Product, passed over outside; lines counted.
            if (position == end && !fill()) {
                return null;
            }
            int from = position;
            int at = from;
            while (at < end && chunk[at] != '<') {
                if (chunk[at] == '\n') {
                    line++;
                }
                at++;
            }
            position = at;
            if (at == end || passedOver(at)) {
                continue;
            }
            SourceRecord product = inProduct ? null : readInOnePass();
            if (product == null) {
                product = markup();
            }
            if (product != null) {
                return product;
            }
        }
    }

    /**
     * The common case at {@code <}, in the chunk at hand: a tag that neither starts nor ends a
     * Product or the message. Its name is passed over (kept, within a Product) and the rest of it
     * read as text. Anything else, or a name that runs past the chunk, is left to {@link #markup}.
     *
     * @return whether the tag was passed over
     */
    private boolean passedOver(int at) {
        int i = at + 1;
        if (i >= end || chunk[i] == '!' || chunk[i] == '?') {
            return false;
        }
        if (chunk[i] == '/') {
            i++;
        }
        int localStart = i;
        while (i < end) {
            byte c = chunk[i];
            if (c == '>' || c == '/' || isBlank(c)) {
                break;
            }
            if (c == ':') {
                localStart = i + 1;
            }
            i++;
        }
        if (i == end || isName(chunk, localStart, i, productName) || isName(chunk, localStart, i, rootName)
                || isName(chunk, localStart, i, otherRootName)) {
            return false;
        }
        position = i;
        return true;
    }

    private static boolean isName(byte[] bytes, int from, int to, byte[] name) {
        return to - from == name.length && OnixNames.same(bytes, from, name, 0, name.length);
    }

    /**
     * At {@code <}: a Product that is plain XML, as nearly all are, cut out and read in one pass
     * over its bytes ({@link PlainOnixProduct#readAt}); else null, and nothing read.
     */
    private SourceRecord readInOnePass() throws IOException {
        while (true) {
            PlainOnixProduct.Read read = plainProducts.readAt(chunk, position, end);
            if (read == null) {
                return null;
            }
            if (read != PlainOnixProduct.RAN_OUT) {
                long startLine = line;
                line += read.lines();
                position = read.end();
                number++;
                return SourceRecord.product(number, startLine, OnixProduct.read(read.fields()));
            }
            if (!more()) {
                return null;
            }
        }
    }

    /**
     * Moves the bytes from {@link #position} to the chunk's start and reads more after them, the
     * chunk grown when they fill it; @return false at the end of the file, or when the chunk is as
     * long as a Product read in one pass may be
     */
    private boolean more() throws IOException {
        int length = end - position;
        if (length == chunk.length) {
            if (chunk.length >= LONGEST_READ_IN_ONE_PASS) {
                return false;
            }
            chunk = Arrays.copyOf(chunk, chunk.length * 2);
        }
        System.arraycopy(chunk, position, chunk, 0, length);
        position = 0;
        end = length;
        if (endOfFile) {
            return false;
        }
        int read = in.read(chunk, end, chunk.length - end);
        if (read <= 0) {
            endOfFile = true;
            return false;
        }
        end += read;
        return true;
    }

    /** Reads the markup at {@code <}; @return a Product when it ended one (or cut one short) */
    private SourceRecord markup() throws IOException {
        long markupLine = line;
        read();
        int first = read();
        if (first == '!') {
            passDeclaration();
            return null;
        }
        if (first == '?') {
            passUntil("?>");
            return null;
        }
        boolean endTag = first == '/';
        nameLength = 0;
        int c = endTag ? read() : first;
        while (c >= 0 && c != '>' && c != '/' && !isBlank(c)) {
            if (nameLength < name.length) {
                name[nameLength++] = (byte) c;
            }
            c = read();
        }
        if (c < 0) {
            return null;
        }
        boolean product = isName(productName);
        if (endTag) {
            if (c != '>') {
                passUntil(">");
            }
            // The message's end, also when it is written in the other tag set (every Product before it was whole).
            rootEnded |= isName(rootName) || isName(otherRootName);
            return product && inProduct ? endProduct() : null;
        }
        if (!product) {
            // The rest of the tag is read as text: an attribute's value holds no '<'.
            return null;
        }
        // A new Product before the end of the one before: that one is cut short, and rejected.
        SourceRecord broken = inProduct ? unreadable("no end tag before the next Product at line " + markupLine) : null;
        inProduct = true;
        tooLong = false;
        productLine = markupLine;
        keptLength = 0;
        keep((byte) '<');
        keep(name, 0, nameLength);
        keep((byte) c);
        keptFrom = position;
        boolean empty = c == '/' ? read() == '>' : c != '>' && passTagEnd();
        if (empty) {
            SourceRecord emptyProduct = endProduct();
            if (broken == null) {
                return emptyProduct;
            }
            pending = emptyProduct;
        }
        return broken;
    }

    private SourceRecord endProduct() {
        keep(chunk, keptFrom, position - keptFrom);
        inProduct = false;
        number++;
        if (tooLong) {
            keptLength = 0;
            return SourceRecord.unreadableProduct(number, productLine,
                    "a Product of more than " + MAX_PRODUCT_BYTES / (1024 * 1024) + " MB, which bookdrop does not hold");
        }
        byte[] bytes = Arrays.copyOf(kept, keptLength);
        keptLength = 0;
        return SourceRecord.product(number, productLine, new OnixProduct(bytes, productLine, names, wrapper));
    }

    private SourceRecord unreadable(String reason) {
        number++;
        keptLength = 0;
        inProduct = false;
        return SourceRecord.unreadableProduct(number, productLine, reason);
    }

    /** After {@code <!}: a comment, a CDATA section, or a declaration such as DOCTYPE with its internal subset. */
    private void passDeclaration() throws IOException {
        int c = read();
        if (c == '-') {
            read();
            passUntil("-->");
        } else if (c == '[') {
            passUntil("]]>");
        } else {
            int depth = 0;
            while (c >= 0 && (c != '>' || depth > 0)) {
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                c = read();
            }
        }
    }

    /** Passes the rest of a start tag, its attributes' quotes respected; @return whether it ended with {@code />} */
    private boolean passTagEnd() throws IOException {
        int quote = 0;
        int previous = 0;
        int c;
        while ((c = read()) >= 0) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return previous == '/';
            }
            previous = c;
        }
        return false;
    }

    private void passUntil(String terminator) throws IOException {
        int matched = 0;
        int c;
        while (matched < terminator.length() && (c = read()) >= 0) {
            matched = c == terminator.charAt(matched) ? matched + 1 : c == terminator.charAt(0) ? 1 : 0;
        }
    }

    /** Whether the tag's name is this one, with or without a namespace prefix. */
    private boolean isName(byte[] wantedName) {
        int start = 0;
        for (int i = 0; i < nameLength; i++) {
            if (name[i] == ':') {
                start = i + 1;
            }
        }
        return isName(name, start, nameLength, wantedName);
    }

    /** The next byte, lines counted; -1 at the end of the file. */
    private int read() throws IOException {
        if (position == end && !fill()) {
            return -1;
        }
        byte b = chunk[position++];
        if (b == '\n') {
            line++;
        }
        return b & 0xFF;
    }

    /** The next chunk of the file, the Product's bytes in the one before kept first. */
    private boolean fill() throws IOException {
        if (inProduct) {
            keep(chunk, keptFrom, end - keptFrom);
            keptFrom = 0;
        }
        if (endOfFile) {
            return false;
        }
        int read = in.read(chunk);
        if (read <= 0) {
            endOfFile = true;
            position = 0;
            end = 0;
            return false;
        }
        position = 0;
        end = read;
        return true;
    }

    private void keep(byte b) {
        if (keptLength == kept.length) {
            keep(new byte[] {b}, 0, 1);
            return;
        }
        kept[keptLength++] = b;
    }

    /** Keeps the Product's bytes; one past the limit is marked too long, and no more of it is kept. */
    private void keep(byte[] bytes, int from, int length) {
        if (tooLong) {
            return;
        }
        if (keptLength + length > MAX_PRODUCT_BYTES) {
            tooLong = true;
            keptLength = 0;
            return;
        }
        if (keptLength + length > kept.length) {
            kept = Arrays.copyOf(kept, Math.max(kept.length * 2, keptLength + length));
        }
        System.arraycopy(bytes, from, kept, keptLength, length);
        keptLength += length;
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
