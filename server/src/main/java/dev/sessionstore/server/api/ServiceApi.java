package dev.sessionstore.server.api;

import dev.sessionstore.CreatedSession;
import dev.sessionstore.PageRequest;
import dev.sessionstore.Session;
import dev.sessionstore.SessionId;
import dev.sessionstore.SessionStore;
import dev.sessionstore.SessionToken;
import dev.sessionstore.server.http.ApiException;
import dev.sessionstore.server.http.HttpSupport;
import dev.sessionstore.server.http.Route;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The service API of DESIGN.md, under {@value #PREFIX}: every call needs the API key, which the server's one
 * {@link dev.sessionstore.server.http.Authentication} filter checks for this prefix. Handlers are thin: parse,
 * call the store, write JSON; every failure is an exception that {@link dev.sessionstore.server.http.ErrorMapping} turns into a problem
 * response. A malformed token is a 404 with no store call.
 */
public final class ServiceApi implements HttpService {
    /** The path prefix of every service route. */
    public static final String PREFIX = "/v1/";

    /** The page size of a listing without {@code ?limit=}. */
    public static final int DEFAULT_LIMIT = 100;

    private static final HeaderName SESSION_TOKEN = HeaderNames.create("Session-Token");

    private final SessionStore store;

    public ServiceApi(SessionStore store) {
        this.store = store;
    }

    /** Every route of the service API; {@link #routing} registers exactly these, and openapi.json describes them. */
    public List<Route> routes() {
        return List.of(
                new Route(Method.POST, "/v1/sessions", this::create),
                new Route(Method.GET, "/v1/session", this::read),
                new Route(Method.PATCH, "/v1/session", this::update),
                new Route(Method.DELETE, "/v1/session", this::revoke),
                new Route(Method.POST, "/v1/session/rotate", this::rotate),
                new Route(Method.GET, "/v1/users/{userId}/sessions", this::listByUser),
                new Route(Method.DELETE, "/v1/users/{userId}/sessions", this::revokeByUser),
                new Route(Method.DELETE, "/v1/sessions/{id}", this::revokeById),
                new Route(Method.GET, "/v1/indexes/{name}/{value}/sessions", this::listByIndex));
    }

    @Override
    public void routing(HttpRules rules) {
        routes().forEach(r -> rules.route(r.method(), r.path(), r.handler()));
    }

    private void create(ServerRequest req, ServerResponse res) {
        byte[] body = HttpSupport.jsonBody(req, true);
        CreatedSession created = store.create(RequestBodies.newSession(JsonCodec.parse(body)));
        HttpSupport.sendJson(res, Status.CREATED_201, JsonCodec.created(created));
    }

    private void read(ServerRequest req, ServerResponse res) {
        SessionToken token = token(req);
        boolean touch = switch (req.query().first("touch").orElse("true")) {
            case "true", "" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("touch must be true or false");
        };
        Optional<Session> session = touch ? store.touch(token) : store.peek(token);
        sendSession(res, session.orElseThrow(ApiException::notFound));
    }

    private void update(ServerRequest req, ServerResponse res) {
        SessionToken token = token(req);
        OptionalLong expected = IfMatch.parse(req.headers().first(HeaderNames.IF_MATCH));
        byte[] body = HttpSupport.jsonBody(req, false);
        Session updated = store.update(token, RequestBodies.update(JsonCodec.parse(body), expected));
        sendSession(res, updated);
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        if (store.revoke(token(req)).isEmpty()) {
            throw ApiException.notFound();
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private void rotate(ServerRequest req, ServerResponse res) {
        CreatedSession rotated = store.rotate(token(req));
        HttpSupport.sendJson(res, Status.OK_200, JsonCodec.created(rotated));
    }

    private void listByUser(ServerRequest req, ServerResponse res) {
        String userId = req.path().pathParameters().get("userId");
        HttpSupport.sendJson(res, Status.OK_200, JsonCodec.page(store.listByUser(userId, pageRequest(req))));
    }

    private void revokeByUser(ServerRequest req, ServerResponse res) {
        String userId = req.path().pathParameters().get("userId");
        Optional<SessionId> keep = req.query()
                .first("except")
                .asOptional()
                .map(text -> SessionId.tryParse(text)
                        .orElseThrow(() -> ApiException.badRequest("except: not a session id")));
        HttpSupport.sendJson(
                res,
                Status.OK_200,
                JsonCodec.revoked(store.revokeByUser(userId, keep).size()));
    }

    private void revokeById(ServerRequest req, ServerResponse res) {
        SessionId id = SessionId.tryParse(req.path().pathParameters().get("id")).orElseThrow(ApiException::notFound);
        if (store.revoke(id).isEmpty()) {
            throw ApiException.notFound();
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private void listByIndex(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("name");
        String value = req.path().pathParameters().get("value");
        HttpSupport.sendJson(res, Status.OK_200, JsonCodec.page(store.listByIndex(name, value, pageRequest(req))));
    }

    /**
     * {@code ?limit=} (1 to {@value PageRequest#MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code ?cursor=}
     * (absent or empty: the first page); a bad value is a 400.
     */
    private static PageRequest pageRequest(ServerRequest req) {
        int limit =
                req.query().first("limit").asOptional().map(ServiceApi::limit).orElse(DEFAULT_LIMIT);
        Optional<String> cursor = req.query().first("cursor").asOptional().filter(c -> !c.isEmpty());
        return new PageRequest(limit, cursor);
    }

    private static int limit(String text) {
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.badRequest("limit must be an integer from 1 to " + PageRequest.MAX_LIMIT);
        }
        return Integer.parseInt(text);
    }

    /** A session, with {@code ETag: "<version>"} for a later {@code If-Match}. */
    private static void sendSession(ServerResponse res, Session session) {
        res.header(HeaderNames.ETAG, "\"" + session.version() + "\"");
        HttpSupport.sendJson(res, Status.OK_200, JsonCodec.session(session));
    }

    /** The Session-Token header: 400 when absent, 404 (no store call) when malformed. */
    private static SessionToken token(ServerRequest req) {
        String text = req.headers()
                .first(SESSION_TOKEN)
                .orElseThrow(() -> ApiException.badRequest("the Session-Token header is required"));
        return SessionToken.tryParse(text.trim()).orElseThrow(ApiException::notFound);
    }
}
