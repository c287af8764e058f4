package org.hotdesk.core.error;

/** The named thing does not exist (or not in the caller's tenant, which must look the same). */
public final class NotFoundException extends HotdeskException {
    public NotFoundException(String what, Object key) {
        super(what + " " + key + " not found");
    }
}
