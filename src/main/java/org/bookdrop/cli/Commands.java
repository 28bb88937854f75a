package org.bookdrop.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bookdrop.mapping.MappingException;

/**
 * bookdrop's one-shot commands, {@code import} and {@code validate}, and their help. Their exit
 * codes: 0 when every record of every file landed (or would), 2 when records were rejected,
 * 3 when a file could not be imported, 1 for a wrong command line.
 */
public final class Commands {

    static final int OK = 0;
    static final int USAGE = 1;
    static final int REJECTS = 2;
    static final int FAILED = 3;

    private Commands() {
    }

    /** Whether the arguments name one of these commands; otherwise bookdrop watches its inbox. */
    public static boolean handles(String[] args) {
        return args.length > 0 && Set.of("import", "validate", "help", "--help", "-h").contains(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        String command = args[0];
        List<String> rest = List.of(args).subList(1, args.length);
        if (!command.equals("import") && !command.equals("validate")) {
            out.print(Help.general());
            return OK;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(command.equals("import") ? Help.importCommand() : Help.validateCommand());
            return OK;
        }
        List<Path> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String mapping = null;
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.equals("--mapping") || arg.startsWith("--mapping=")) {
                mapping = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : i + 1 < rest.size() ? rest.get(++i) : "";
                if (mapping.isBlank()) {
                    err.println("bookdrop " + command + ": --mapping needs a mapping file, or a mapping's name");
                    return USAGE;
                }
                continue;
            }
            Path file = Path.of(arg);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                err.println("bookdrop " + command + ": no readable file " + arg);
                return USAGE;
            }
            if (!names.add(file.getFileName().toString())) {
                err.println("bookdrop " + command + ": two files named " + file.getFileName() + "; import them one after the other");
                return USAGE;
            }
            files.add(file);
        }
        if (files.isEmpty()) {
            err.print(command.equals("import") ? Help.importCommand() : Help.validateCommand());
            return USAGE;
        }
        try {
            return command.equals("import") ? new ImportCommand(out, err, mapping).run(files)
                    : new ValidateCommand(out, mapping).run(files);
        } catch (MappingException e) {
            err.println("bookdrop " + command + ": " + e.getMessage());
            return USAGE;
        }
    }
}
