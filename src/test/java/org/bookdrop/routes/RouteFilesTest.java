package org.bookdrop.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * application.properties names each route file rather than matching them (a wildcard makes Camel
 * walk every entry of the jar at each start): the list must be the files of routes/, so that a
 * route file added there runs.
 */
class RouteFilesTest {

    @Test
    void the_routes_camel_loads_are_the_files_of_the_routes_folder() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = RouteFilesTest.class.getResourceAsStream("/application.properties")) {
            settings.load(in);
        }
        List<String> named = Arrays.stream(settings.getProperty("camel.main.routes-include-pattern").split(","))
                .map(String::strip).sorted().toList();
        List<String> files;
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            files = routes.map(path -> "classpath:routes/" + path.getFileName()).filter(name -> name.endsWith(".yaml"))
                    .sorted().toList();
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        assertThat(named).isEqualTo(files);
    }
}
