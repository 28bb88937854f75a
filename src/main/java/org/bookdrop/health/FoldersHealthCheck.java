package org.bookdrop.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.bookdrop.inbox.FolderAccess;
import org.bookdrop.inbox.Folders;

/**
 * Whether bookdrop can still do in its inbox, done and error folders what an import does, judged
 * without writing anything ({@link FolderAccess#predictRefusal}): a folder removed, or its
 * permissions changed, after bookdrop started shows here, with the line saying what to fix.
 */
public final class FoldersHealthCheck extends ReadinessCheck {

    private final Folders folders;

    public FoldersHealthCheck(Folders folders) {
        super("folders");
        this.folders = folders;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("inbox", folders.inbox().toString()).detail("done", folders.done().toString())
                .detail("error", folders.error().toString());
        List<String> refusals = new ArrayList<>();
        FolderAccess.predictRefusal(folders.inbox(), "inbox").ifPresent(refusals::add);
        FolderAccess.predictRefusal(folders.done(), "done folder").ifPresent(refusals::add);
        FolderAccess.predictRefusal(folders.error(), "error folder").ifPresent(refusals::add);
        if (refusals.isEmpty()) {
            builder.up();
        } else {
            builder.message(String.join("; ", refusals));
            builder.down();
        }
    }
}
