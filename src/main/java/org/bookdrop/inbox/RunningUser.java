package org.bookdrop.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user bookdrop runs as, by name and number: in a container started with another uid the name
 * is often unknown ("?"), and the number is what a folder's owner is compared with.
 */
record RunningUser(String name, String uid, String gid) {

    static RunningUser current() {
        String uid = "";
        String gid = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                // "Uid:	999	999	999	999": the real id first.
                if (line.startsWith("Uid:")) {
                    uid = line.substring(4).strip().split("\\s+")[0];
                } else if (line.startsWith("Gid:")) {
                    gid = line.substring(4).strip().split("\\s+")[0];
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the name alone.
        }
        return new RunningUser(System.getProperty("user.name", "?"), uid, gid);
    }

    /** "user bookdrop (uid 999, gid 999)"; in a container run under a uid with no name, "uid 1000, gid 1000". */
    @Override
    public String toString() {
        if (uid.isEmpty()) {
            return "user " + name;
        }
        boolean named = !name.isBlank() && !name.equals("?");
        return named ? "user " + name + " (uid " + uid + ", gid " + gid + ")" : "uid " + uid + ", gid " + gid;
    }
}
