package dev.sessionstore.redis;

/**
 * Whether the store writes session events, and how long each tag's stream is kept: the scripts receive {@link
 * #arg()} and append to the stream (trimmed to about that many entries) only when it is above zero.
 *
 * @param retention entries kept per tag stream ({@code XADD MAXLEN ~}); 0 means events are off
 */
record Outbox(int retention) {
    static final Outbox OFF = new Outbox(0);

    boolean on() {
        return retention > 0;
    }

    String arg() {
        return Integer.toString(retention);
    }
}
