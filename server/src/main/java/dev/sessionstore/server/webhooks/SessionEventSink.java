package dev.sessionstore.server.webhooks;

import dev.sessionstore.SessionEvent;

/** Receives session events. {@link #publish} must not block: it runs on the request path. */
@FunctionalInterface
public interface SessionEventSink {
    SessionEventSink NONE = event -> {};

    void publish(SessionEvent event);
}
