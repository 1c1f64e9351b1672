package dev.llmrouter.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** One statement on a connection of its own: the shape every small JDBC repository here repeats. */
final class Statements {

    @FunctionalInterface
    interface Binder {
        Binder NONE = ps -> { };

        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Statements() {
    }

    static <T> List<T> list(DataSource dataSource, String sql, Binder binder, Reader<T> reader) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        }
    }

    /** The first row, if any: lookups by key, and writes that return the row they wrote. */
    static <T> Optional<T> first(DataSource dataSource, String sql, Binder binder, Reader<T> reader)
            throws SQLException {
        return list(dataSource, sql, binder, reader).stream().findFirst();
    }

    static int update(DataSource dataSource, String sql, Binder binder) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }

    static void setDouble(PreparedStatement ps, int i, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, value);
        }
    }

    static Long getLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Double getDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
