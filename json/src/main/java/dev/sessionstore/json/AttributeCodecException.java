package dev.sessionstore.json;

/**
 * A stored value that cannot be decoded (malformed, or not in the codec's format), or a value that Jackson cannot
 * encode. The cause is kept.
 */
public final class AttributeCodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the underlying error
     */
    public AttributeCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
