package dev.sessionstore.spring.session;

import java.util.concurrent.atomic.AtomicBoolean;

/** A class that records whether it was ever initialized, standing in for a gadget class. */
final class Tripwire {
    static {
        Flag.FLAG.set(true);
    }

    public String command = "";

    /** Holds the flag outside the class under test, so reading the flag does not initialize it. */
    static final class Flag {
        static final AtomicBoolean FLAG = new AtomicBoolean();

        private Flag() {}
    }
}
