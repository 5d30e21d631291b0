import org.jspecify.annotations.NullMarked;

/**
 * Contract suites (JUnit 5 classes to extend) that every session store and coordination backend passes, and
 * JUnit extensions that start private {@code redis-server} processes.
 */
// Lettuce and Awaitility have no module descriptor
@SuppressWarnings("requires-automatic")
@NullMarked
module dev.sessionstore.testkit {
    requires transitive dev.sessionstore.core;
    requires transitive dev.sessionstore.embedded;
    requires transitive org.junit.jupiter.api;
    requires awaitility;
    requires lettuce.core;
    requires org.assertj.core;

    exports dev.sessionstore.testkit;
    exports dev.sessionstore.testkit.coordination;

    // JUnit instantiates and calls the contract suites reflectively
    opens dev.sessionstore.testkit to
            org.junit.platform.commons;
    opens dev.sessionstore.testkit.coordination to
            org.junit.platform.commons;
}
