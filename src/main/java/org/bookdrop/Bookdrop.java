package org.bookdrop;

import org.apache.camel.main.Main;

/**
 * Starts bookdrop: Camel Main with the routes of the routes/ folder and the beans of
 * {@link BookdropConfiguration}. It runs until it is stopped (Ctrl-C or SIGTERM).
 */
public final class Bookdrop {

    private Bookdrop() {
    }

    public static Main create() {
        Main main = new Main();
        main.configure().addConfiguration(BookdropConfiguration.class);
        return main;
    }

    public static void main(String[] args) throws Exception {
        int exitCode = create().run(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }
}
