package org.bookdrop.read;

import java.io.File;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileConfiguration;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileProcessStrategy;
import org.apache.camel.util.FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's file component, with one difference for the inbox: a file whose import bookdrop stops
 * under stays where it is. When bookdrop stops and the file is not done within
 * BOOKDROP_SHUTDOWN_SECONDS, Camel stops the routes under the import, fails the exchange, and
 * would move the file to the error folder like a broken one. Here that move is left out while
 * Camel is stopping: the file stays in the inbox, its claim is released by the next start under
 * the same instance name, and the file is imported again (its upserts make that safe), as after
 * a crash. Every other commit and rollback is Camel's own.
 */
public final class InboxComponent extends FileComponent {

    @Override
    protected GenericFileEndpoint<File> buildFileEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        // As FileComponent#buildFileEndpoint, with the endpoint below.
        File folder = new File(remaining);
        InboxEndpoint endpoint = new InboxEndpoint(uri, this);
        endpoint.setFile(folder);
        GenericFileConfiguration configuration = new GenericFileConfiguration();
        configuration.setDirectory(FileUtil.isAbsolute(folder) ? folder.getAbsolutePath() : folder.getPath());
        endpoint.setConfiguration(configuration);
        return endpoint;
    }

    private static final class InboxEndpoint extends FileEndpoint {

        InboxEndpoint(String uri, FileComponent component) {
            super(uri, component);
        }

        @Override
        protected GenericFileProcessStrategy<File> createGenericFileStrategy() {
            return new LeftInPlaceOnStop(super.createGenericFileStrategy());
        }
    }

    private record LeftInPlaceOnStop(GenericFileProcessStrategy<File> camels) implements GenericFileProcessStrategy<File> {

        private static final Logger LOG = LoggerFactory.getLogger(InboxComponent.class);

        @Override
        public void rollback(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                             GenericFile<File> file) throws Exception {
            if (endpoint.getCamelContext().isStopping() || endpoint.getCamelContext().isStopped()) {
                operations.releaseRetrievedFileResources(exchange);
                LOG.warn("{}: bookdrop stopped before the file was done; it stays in the inbox and is imported again "
                        + "at the next start", file.getFileName());
                return;
            }
            camels.rollback(operations, endpoint, exchange, file);
        }

        @Override
        public void prepareOnStartup(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint) throws Exception {
            camels.prepareOnStartup(operations, endpoint);
        }

        @Override
        public boolean begin(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                             GenericFile<File> file) throws Exception {
            return camels.begin(operations, endpoint, exchange, file);
        }

        @Override
        public void abort(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                          GenericFile<File> file) throws Exception {
            camels.abort(operations, endpoint, exchange, file);
        }

        @Override
        public void commit(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint, Exchange exchange,
                           GenericFile<File> file) throws Exception {
            camels.commit(operations, endpoint, exchange, file);
        }
    }
}
