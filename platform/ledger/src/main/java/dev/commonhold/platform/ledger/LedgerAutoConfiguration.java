package dev.commonhold.platform.ledger;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** The {@link Journal} of a service that has a database; the journal's tables come with its Flyway migration (V0_4). */
@AutoConfiguration(after = {DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
public class LedgerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Journal journal(JdbcTemplate jdbc, PlatformTransactionManager transactions, java.util.Optional<Clock> clock) {
        return new Journal(jdbc, new TransactionTemplate(transactions), clock.orElse(Clock.systemUTC()));
    }
}
