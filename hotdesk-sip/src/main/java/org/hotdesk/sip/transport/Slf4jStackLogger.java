package org.hotdesk.sip.transport;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the JAIN-SIP stack's own log lines to SLF4J (logger {@code org.hotdesk.sip.stack}); the stack names it by class. */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger log = LoggerFactory.getLogger("org.hotdesk.sip.stack");

    @Override
    public void logStackTrace() {
        if (log.isTraceEnabled()) log.trace("stack trace", new Throwable());
    }

    @Override
    public void logStackTrace(int traceLevel) {
        logStackTrace();
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        log.warn("SIP stack: {}", ex.toString());
        log.debug("SIP stack exception", ex);
    }

    @Override
    public void logDebug(String message) {
        log.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        log.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        log.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        log.error(brief(message));
    }

    @Override
    public void logError(String message) {
        log.warn(brief(message));
    }

    @Override
    public boolean isLoggingEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        return switch (logLevel) {
            case TRACE_FATAL, TRACE_ERROR -> true;
            case TRACE_WARN -> log.isDebugEnabled();
            case TRACE_INFO -> log.isDebugEnabled();
            case TRACE_DEBUG -> log.isDebugEnabled();
            default -> log.isTraceEnabled();
        };
    }

    @Override
    public void logError(String message, Exception ex) {
        // a malformed packet lands here with the whole receive buffer in the message: one short line is enough
        if (message != null && message.startsWith("Error while processing incoming")) {
            log.warn("malformed SIP packet dropped: {}", String.valueOf(ex));
        } else {
            log.warn("{}: {}", brief(message), String.valueOf(ex));
        }
        log.debug("SIP stack error", ex);
    }

    /** At most 200 characters: the stack writes whole packets (up to 64 KiB) into its messages. */
    static String brief(String message) {
        if (message == null) return "";
        return message.length() <= 200 ? message : message.substring(0, 200) + "... (" + message.length() + " chars)";
    }

    @Override
    public void logWarning(String message) {
        // the stack warns about its defaults (no TLS key store, ...) at every start: noise for an admin
        log.debug(message);
    }

    @Override
    public void logInfo(String message) {
        // start/stop chatter of the stack; hotdesk logs what an admin needs itself
        log.debug(message);
    }

    @Override
    public void disableLogging() {
    }

    @Override
    public void enableLogging() {
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
    }

    @Override
    public String getLoggerName() {
        return log.getName();
    }
}
