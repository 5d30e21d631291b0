package dev.sessionstore.bench;

import io.lettuce.core.RedisURI;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.data.redis.RedisIndexedSessionRepository;
import org.springframework.session.data.redis.RedisSessionRepository;

/**
 * Spring Session Data Redis as a web application uses it, built without a Spring context: a
 * {@link LettuceConnectionFactory}, a {@link RedisTemplate} with string keys and hash keys and the
 * default JDK serialization for values (as Spring Session's configuration sets it up), and one of its
 * two repositories. A "touch" is the request cycle of {@code SessionRepositoryFilter}: {@code findById},
 * set the last-access time, {@code save}. The user id is the principal-name attribute, which the
 * indexed repository indexes; keyspace notifications and their listener are not set up (they only
 * matter for expiry events, and would cost the shared server time).
 */
final class SpringSessionTarget<S extends Session> implements Target {
    private final String name;
    private final SessionRepository<S> repository;
    private final Optional<FindByIndexNameSessionRepository<S>> byIndex;
    private final LettuceConnectionFactory factory;
    private final Runnable onClose;
    private final AtomicLong seq = new AtomicLong();

    private SpringSessionTarget(
            String name,
            SessionRepository<S> repository,
            Optional<FindByIndexNameSessionRepository<S>> byIndex,
            LettuceConnectionFactory factory,
            Runnable onClose) {
        this.name = name;
        this.repository = repository;
        this.byIndex = byIndex;
        this.factory = factory;
        this.onClose = onClose;
    }

    /** {@code RedisSessionRepository}: one hash per session, no index. */
    static Target simple(String redisUri) {
        LettuceConnectionFactory factory = connect(redisUri);
        var repo = new RedisSessionRepository(template(factory));
        return new SpringSessionTarget<>("spring-simple", repo, Optional.empty(), factory, () -> {});
    }

    /** {@code RedisIndexedSessionRepository}: session hash, expiry keys and the principal index. */
    static Target indexed(String redisUri) {
        LettuceConnectionFactory factory = connect(redisUri);
        var repo = new RedisIndexedSessionRepository(template(factory));
        repo.afterPropertiesSet();
        return new SpringSessionTarget<>("spring-indexed", repo, Optional.of(repo), factory, repo::destroy);
    }

    private static LettuceConnectionFactory connect(String redisUri) {
        RedisURI uri = RedisURI.create(redisUri);
        var config = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        var factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    private static RedisTemplate<String, Object> template(LettuceConnectionFactory factory) {
        RedisTemplate<String, Object> template = new RedisTemplate<>();
        template.setKeySerializer(RedisSerializer.string());
        template.setHashKeySerializer(RedisSerializer.string());
        template.setConnectionFactory(factory);
        template.afterPropertiesSet();
        return template;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Backing backing() {
        return Backing.REDIS;
    }

    @Override
    public boolean supports(Op op) {
        return op != Op.LIST || byIndex.isPresent();
    }

    @Override
    public Object create(String userId) {
        S session = repository.createSession();
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, userId);
        long n = seq.incrementAndGet();
        for (int i = 0; i < Workload.ATTRIBUTE_NAMES.size(); i++) {
            session.setAttribute(Workload.ATTRIBUTE_NAMES.get(i), Workload.value(n * 3 + i));
        }
        repository.save(session);
        return session.getId();
    }

    @Override
    public void touch(Object handle) {
        S session = find(handle);
        session.setLastAccessedTime(Instant.now());
        repository.save(session);
    }

    @Override
    public void update(Object handle, String value) {
        S session = find(handle);
        session.setAttribute(Workload.ATTRIBUTE_NAMES.get(0), value);
        repository.save(session);
    }

    private S find(Object handle) {
        S session = repository.findById((String) handle);
        if (session == null) {
            throw new IllegalStateException(name + ": session not found");
        }
        return session;
    }

    @Override
    public int list(String userId) {
        return byIndex.orElseThrow(() -> new UnsupportedOperationException(name + " has no principal index"))
                .findByPrincipalName(userId)
                .size();
    }

    @Override
    public void revoke(Object handle) {
        repository.deleteById((String) handle);
    }

    @Override
    public void close() {
        onClose.run();
        factory.destroy();
    }
}
