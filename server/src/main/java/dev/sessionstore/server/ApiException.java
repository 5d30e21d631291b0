package dev.sessionstore.server;

/** A request the service refuses; {@link ErrorMapping} turns it into a problem response. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    ApiException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(Problem.of(400, "bad-request", "Bad request", detail));
    }

    static ApiException notFound() {
        return new ApiException(
                Problem.of(404, "session-not-found", "Session not found", "unknown, expired or revoked session"));
    }

    Problem problem() {
        return problem;
    }
}
