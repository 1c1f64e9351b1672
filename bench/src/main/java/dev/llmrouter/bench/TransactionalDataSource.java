package dev.llmrouter.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Stands in for the container's pool: one long-lived connection, handed out inside a transaction
 * so that the repository's {@code SET LOCAL} search settings take effect; "closing" it rolls back.
 * Without reuse every lookup would also pay for a new PostgreSQL connection, which no server does.
 */
public final class TransactionalDataSource implements DataSource {

    private final DataSource delegate;
    private Connection shared;

    public TransactionalDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        if (shared == null || shared.isClosed()) {
            shared = delegate.getConnection();
            shared.setAutoCommit(false);
        }
        Connection target = shared;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if ("close".equals(method.getName())) {
                        target.rollback();
                        return null;
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("one shared connection only");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger(TransactionalDataSource.class.getPackageName());
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
