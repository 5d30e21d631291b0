package dev.sessionstore.coordination;

/** Receives a breaker's events on the breaker's background thread; must not block. */
public interface BreakerListener {
    void onTransition(BreakerTransition transition);

    /**
     * Called when the instance stops ({@code true}) or resumes ({@code false}) sharing state through the
     * backend.
     */
    default void onLocalFallback(String breaker, boolean fallback) {}
}
