package dev.sessionstore.server.webhooks;

import java.io.IOException;

/** Sends one webhook body; true when the receiver accepted it (2xx). */
@FunctionalInterface
interface WebhookTransport {
    boolean post(String json) throws IOException, InterruptedException;
}
