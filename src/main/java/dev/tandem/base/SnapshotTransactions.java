package dev.tandem.base;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads see one consistent state: services read with {@code isolation = REPEATABLE_READ}, which is
 * a snapshot of the whole database on PostgreSQL. H2's REPEATABLE READ snapshots each table only
 * when first read (a reader could see one table before an import and the next one after it), so on
 * H2 such transactions run at H2's SNAPSHOT level instead. Writers keep READ COMMITTED.
 */
@Configuration
class SnapshotTransactions {

  /** H2's {@code Constants.TRANSACTION_SNAPSHOT}: one snapshot of every table per transaction. */
  static final int H2_SNAPSHOT = 6;

  @Bean
  JdbcTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource) {
      @Override
      protected void prepareTransactionalConnection(
          Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        if (definition.getIsolationLevel() == TransactionDefinition.ISOLATION_REPEATABLE_READ
            && con.getMetaData().getDatabaseProductName().startsWith("H2")) {
          con.setTransactionIsolation(H2_SNAPSHOT);
        }
      }
    };
  }

  /** One consistent read for a screen that asks several services: {@link ConsistentRead}. */
  @Bean
  ConsistentRead consistentRead(JdbcTransactionManager transactionManager) {
    TransactionTemplate template = new TransactionTemplate(transactionManager);
    template.setReadOnly(true);
    template.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    return new ConsistentRead(template);
  }
}
