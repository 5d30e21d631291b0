package dev.sessionstore.server.edge;

import java.util.Optional;

/**
 * The two connection limits: {@code served}, above which a connection is answered 503, and {@code accepted},
 * Helidon's own limit (above it the listener stops accepting and new connections wait in the kernel's backlog).
 * The room between them takes the refusals, which last until the client closes (at most the read timeout).
 *
 * @param served connections served at most (the effective {@code --max-connections})
 * @param accepted connections held at most, refusals included
 * @param lowered whether {@code served} is lower than asked because the descriptor limit cannot hold that many
 */
record ConnectionCaps(int served, int accepted, boolean lowered) {
    /** The caps for {@code wanted} served connections within {@code budget}, if known. */
    static ConnectionCaps of(int wanted, Optional<DescriptorBudget> budget) {
        int accepted = wanted + refusalRoom(wanted);
        int room = budget.map(DescriptorBudget::connections).orElse(Integer.MAX_VALUE);
        if (accepted <= room) {
            return new ConnectionCaps(wanted, accepted, false);
        }
        return new ConnectionCaps(Math.max(1, room - refusalRoom(room)), room, true);
    }

    private static int refusalRoom(int connections) {
        return Math.max(8, connections / 16);
    }
}
