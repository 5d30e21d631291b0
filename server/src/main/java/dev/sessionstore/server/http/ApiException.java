package dev.sessionstore.server.http;

/** A request the service refuses; {@link ErrorMapping} turns it into a problem response. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ApiException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(Problem.of(400, "bad-request", "Bad request", detail));
    }

    public static ApiException notFound() {
        return new ApiException(
                Problem.of(404, "session-not-found", "Session not found", "unknown, expired or revoked session"));
    }

    public Problem problem() {
        return problem;
    }
}
