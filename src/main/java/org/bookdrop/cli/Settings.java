package org.bookdrop.cli;

import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * bookdrop's settings read the way the running bookdrop reads them (application.properties, each
 * setting's environment variable, then -D system properties), for the commands that run without
 * starting Camel's routes.
 * <p>
 * The Camel context is only there for Camel's own placeholder rules and to load the file from the
 * classpath: it is never started, so it holds no threads, ports or MBeans, and there is nothing to
 * stop (stopping it would only log Camel's shutdown lines in front of a command's output).
 */
final class Settings {

    private final PropertiesComponent properties =
            (PropertiesComponent) new DefaultCamelContext().getPropertiesComponent();

    Settings() {
        properties.setLocation("classpath:application.properties");
        // As application.properties sets it for the running bookdrop: an environment variable is read
        // only through the {{env:...}} of its setting, so a -D option wins over it.
        properties.setEnvironmentVariableMode(PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_NEVER);
    }

    String get(String name) {
        return properties.resolveProperty(name).orElse("").strip();
    }
}
