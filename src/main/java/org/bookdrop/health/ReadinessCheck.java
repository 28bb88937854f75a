package org.bookdrop.health;

import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A check of something bookdrop needs in order to import (the database, its folders): when it is
 * down, bookdrop is not ready, but it is alive, since restarting bookdrop would not bring it back.
 */
abstract class ReadinessCheck extends AbstractHealthCheck {

    ReadinessCheck(String id) {
        super("bookdrop", id);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }
}
