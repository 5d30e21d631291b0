package dev.sessionstore.coordination.jdbc;

import dev.sessionstore.coordination.CoordinationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fenced row update: {@code UPDATE <table> SET <column> = ?, fence = ? WHERE id = ? AND fence < ?}.
 * The table needs a text or numeric {@code id}, the value column and a {@code bigint fence} column. A
 * holder whose lease was taken over (its fence is not greater than the stored one) updates nothing.
 *
 * <pre>{@code
 * var update = new JdbcFencedWrites("reports", "body");
 * boolean written = update.write(connection, "daily", json, lease.fence());
 * }</pre>
 */
public final class JdbcFencedWrites {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String sql;

    /** Table and column names must be lower-case SQL identifiers (they are put into the statement). */
    public JdbcFencedWrites(String table, String valueColumn) {
        this.sql = "UPDATE %s SET %s = ?, fence = ? WHERE id = ? AND fence < ?"
                .formatted(identifier("table", table), identifier("valueColumn", valueColumn));
    }

    private static String identifier(String setting, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(setting + " must match [a-z_][a-z0-9_]{0,62}: " + name);
        }
        return name;
    }

    /**
     * Writes {@code value} to row {@code id} if {@code fence} is greater than the row's fence.
     *
     * @return true if the row was updated, false if refused (or no such row)
     * @throws CoordinationException wrapping the {@link SQLException}
     */
    public boolean write(Connection connection, Object id, Object value, long fence) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(id, "id");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setObject(1, value);
            ps.setLong(2, fence);
            ps.setObject(3, id);
            ps.setLong(4, fence);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new CoordinationException("fenced update failed: " + e.getMessage(), e);
        }
    }
}
