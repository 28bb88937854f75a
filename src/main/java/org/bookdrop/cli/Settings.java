package org.bookdrop.cli;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * bookdrop's settings read the way the running bookdrop reads them (application.properties, each
 * setting's environment variable, then -D system properties), for the commands that run without
 * starting Camel's routes.
 */
final class Settings implements AutoCloseable {

    private final CamelContext context = new DefaultCamelContext();
    private final PropertiesComponent properties = context.getPropertiesComponent();

    Settings() {
        properties.setLocation("classpath:application.properties");
    }

    String get(String name) {
        return properties.resolveProperty(name).orElse("").strip();
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (Exception e) {
            // Nothing was started; nothing to release.
        }
    }
}
