package org.hotdesk.sip.routing;

import org.hotdesk.core.dialog.DialogWatch;

/** Tells the dialog watch (busy lamps, pickup) what becomes of a call, then the call record. */
final class DialogTracking implements CallObserver {
    private final DialogWatch dialogs;
    private final String callId;
    private final CallObserver next;

    DialogTracking(DialogWatch dialogs, String callId, CallObserver next) {
        this.dialogs = dialogs;
        this.callId = callId;
        this.next = next;
    }

    @Override
    public void answered(Target target) {
        dialogs.answered(callId);
        next.answered(target);
    }

    @Override
    public void failed(int status) {
        dialogs.ended(callId);
        next.failed(status);
    }

    @Override
    public void cancelled() {
        dialogs.ended(callId);
        next.cancelled();
    }
}
