package org.bookdrop.inbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.FileIdempotentChangedRepositoryReadLockStrategy;
import org.apache.camel.component.file.strategy.FileIdempotentRepositoryReadLockStrategy;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The intake's read lock, made of two of Camel's: a file is claimed in the database (the
 * idempotent read lock over {@link FileClaims}, so that instances sharing the inbox never take the
 * same file), and taken once it has stopped changing (the changed read lock: its last write at
 * least the interval old), so that a file still being copied in is never read half-written.
 *
 * <p>A file that was moved (renamed) into the inbox after its last write is taken at once, without
 * the wait: its inode's status-change time (ctime), which a rename sets, is later than its last
 * write (mtime). A copy in progress sets both at every write, so its ctime never runs ahead of its
 * mtime; and once it stops, it waits out the interval as before. Where the file system does not
 * tell the ctime (not a Unix), every file waits.
 */
public final class InboxReadLock extends ServiceSupport implements GenericFileExclusiveReadLockStrategy<File>, CamelContextAware {

    /** How long the changed read lock waits for a file still being written, before trying again at the next poll. */
    private static final long TIMEOUT_MILLIS = 10_000;

    private final FileIdempotentChangedRepositoryReadLockStrategy whenUnchanged = new FileIdempotentChangedRepositoryReadLockStrategy();
    private final FileIdempotentRepositoryReadLockStrategy claimOnly = new ClaimWhileThere();
    private CamelContext camelContext;

    /**
     * @param claims   where the files are claimed (released when the file is done with, by {@link FileArchive})
     * @param interval ms a file's last write must be old before it is read, unless it was moved in whole
     */
    public InboxReadLock(IdempotentRepository claims, long interval) {
        whenUnchanged.setIdempotentRepository(claims);
        whenUnchanged.setRemoveOnCommit(false);
        whenUnchanged.setRemoveOnRollback(false);
        whenUnchanged.setCheckInterval(interval);
        whenUnchanged.setMinAge(interval);
        whenUnchanged.setMinLength(0);
        whenUnchanged.setTimeout(TIMEOUT_MILLIS);
        claimOnly.setIdempotentRepository(claims);
        claimOnly.setRemoveOnCommit(false);
        claimOnly.setRemoveOnRollback(false);
    }

    /** Whether the file's metadata changed after its last write: it was renamed (or linked) into the inbox since. */
    static boolean movedInWhole(Path file) {
        try {
            Map<String, Object> times = Files.readAttributes(file, "unix:ctime,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
            FileTime changed = (FileTime) times.get("ctime");
            FileTime written = (FileTime) times.get("lastModifiedTime");
            return changed != null && written != null && changed.compareTo(written) > 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // Gone, or no Unix attributes here: wait for it to stop changing, as for any file.
            return false;
        }
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<File> operations, GenericFile<File> file, Exchange exchange)
            throws Exception {
        if (movedInWhole(file.getFile().toPath())) {
            return claimOnly.acquireExclusiveReadLock(operations, file, exchange);
        }
        return whenUnchanged.acquireExclusiveReadLock(operations, file, exchange);
    }

    /**
     * Camel's idempotent read lock, letting go of a claim it took on a file that another instance,
     * done with it, moved away between this instance's look at the inbox and the claim (the changed
     * read lock looks again after the claim, and lets go the same way).
     */
    private static final class ClaimWhileThere extends FileIdempotentRepositoryReadLockStrategy {

        @Override
        public boolean acquireExclusiveReadLock(GenericFileOperations<File> operations, GenericFile<File> file,
                                                Exchange exchange) throws Exception {
            if (!super.acquireExclusiveReadLock(operations, file, exchange)) {
                return false;
            }
            if (file.getFile().exists()) {
                return true;
            }
            getIdempotentRepository().remove(exchange, asKey(exchange, file));
            return false;
        }
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint) throws Exception {
        whenUnchanged.prepareOnStartup(operations, endpoint);
        claimOnly.prepareOnStartup(operations, endpoint);
    }

    // Released the same way, whichever took it: the claim is kept (confirmed), FileArchive removes it.
    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations<File> operations, GenericFile<File> file, Exchange exchange)
            throws Exception {
        claimOnly.releaseExclusiveReadLockOnAbort(operations, file, exchange);
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations<File> operations, GenericFile<File> file,
                                                   Exchange exchange) throws Exception {
        claimOnly.releaseExclusiveReadLockOnRollback(operations, file, exchange);
    }

    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations<File> operations, GenericFile<File> file,
                                                 Exchange exchange) throws Exception {
        claimOnly.releaseExclusiveReadLockOnCommit(operations, file, exchange);
    }

    @Override
    public void setTimeout(long timeout) {
        whenUnchanged.setTimeout(timeout);
    }

    @Override
    public void setCheckInterval(long checkInterval) {
        whenUnchanged.setCheckInterval(checkInterval);
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel level) {
        whenUnchanged.setReadLockLoggingLevel(level);
        claimOnly.setReadLockLoggingLevel(level);
    }

    @Override
    public void setMarkerFiler(boolean markerFile) {
        // No marker files: the claim in the database is the lock.
    }

    @Override
    public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
        // No marker files.
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
        whenUnchanged.setCamelContext(camelContext);
        claimOnly.setCamelContext(camelContext);
    }

    @Override
    protected void doStart() {
        ServiceHelper.startService(whenUnchanged, claimOnly);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(whenUnchanged, claimOnly);
    }
}
