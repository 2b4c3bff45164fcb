package io.parley.moderation.service;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate runs on the calling thread, so a test can bound what a batch costs
 * in round trips without timing it. Per thread: the consumers run alongside the tests. Id allocation is
 * left out: a sequence is read once per block of ids, whenever a block runs out, not once per batch.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementCounter implements StatementInspector {

    private static final ThreadLocal<int[]> RUN = ThreadLocal.withInitial(() -> new int[1]);

    @Override
    public String inspect(String sql) {
        if (!sql.startsWith("select nextval(")) {
            RUN.get()[0]++;
        }
        return sql;
    }

    /** How many statements Hibernate ran on this thread while the work ran, id allocation aside. */
    static int runBy(Runnable work) {
        int before = RUN.get()[0];
        work.run();
        return RUN.get()[0] - before;
    }
}
