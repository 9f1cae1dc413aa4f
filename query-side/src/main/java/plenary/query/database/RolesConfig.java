package plenary.query.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import plenary.access.DatabaseRoles;

/**
 * The query side works as {@code plenary_query}, which reads the events ({@code V21__roles.sql} on the command
 * side grants it) and owns the read model: its migrations run as that role too, so the tables they make are its
 * own, and a rebuild can build them aside and swap them. A database whose read model was made before the role
 * existed keeps working as the configured user.
 */
@Configuration
class RolesConfig {

    /** The role, once the read model is its own or not yet made. */
    static final String BECOME = DatabaseRoles.becomeWhen(DatabaseRoles.QUERY,
            "NOT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = 'flyway_history_query' "
                    + "AND tableowner <> '" + DatabaseRoles.QUERY + "')");

    @Bean
    FlywayMigrationStrategy rolesFirst() {
        return flyway -> {
            DatabaseRoles.ensure(flyway.getConfiguration().getDataSource());
            flyway.migrate();
        };
    }

    @Bean
    FlywayConfigurationCustomizer migrateAsQuerySide() {
        return configuration -> configuration.initSql(BECOME);
    }

    @Bean
    static BeanPostProcessor actAsQuerySide() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    pool.setConnectionInitSql(BECOME);
                }
                return bean;
            }
        };
    }
}
