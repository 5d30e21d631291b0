package dev.sessionstore;

/** What {@link SessionStore#create} does when a user already has {@link SessionLimits#maxSessionsPerUser()} live sessions. */
public enum CapPolicy {
    /** Revoke the user's oldest session (earliest {@code createdAt}, ties broken by id), atomically with the create. */
    EVICT_OLDEST,
    /** Refuse the create with a {@link LimitExceededException} naming {@code maxSessionsPerUser}. */
    REFUSE
}
