package plenary.query.store;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The projection runs once across the query-side nodes: each node's processor claims the token in PostgreSQL, and a
 * node that stops extending its claim (it died) loses it after {@code axon.eventhandling.tokenstore.claim-timeout},
 * to whichever node asks next. Axon names the owner after the JVM (pid@host); two query sides in one JVM, as the
 * tests start them, would then both own the claim and project every event twice, so each context gets a name of its
 * own.
 */
@Configuration
class TokenClaims {

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, @Qualifier("serializer") Serializer serializer,
                          TokenStoreProperties properties) {
        String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .claimTimeout(properties.getClaimTimeout()).nodeId(node).build();
    }
}
