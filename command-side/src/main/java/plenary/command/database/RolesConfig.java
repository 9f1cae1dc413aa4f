package plenary.command.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import plenary.access.DatabaseRoles;

/**
 * Migrations run as the configured user, who owns the event table (spring.flyway.* names it); every connection of
 * the side itself then works as {@code plenary_command}, once that role holds its rights ({@code V21__roles.sql}).
 */
@Configuration
class RolesConfig {

    @Bean
    FlywayMigrationStrategy rolesFirst() {
        return flyway -> {
            DatabaseRoles.ensure(flyway.getConfiguration().getDataSource());
            flyway.migrate();
        };
    }

    @Bean
    static BeanPostProcessor actAsCommandSide() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    pool.setConnectionInitSql(DatabaseRoles.becomeWhen(DatabaseRoles.COMMAND,
                            "has_table_privilege('" + DatabaseRoles.COMMAND + "', 'domainevententry', 'INSERT')"));
                }
                return bean;
            }
        };
    }
}
