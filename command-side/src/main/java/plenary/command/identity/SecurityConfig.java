package plenary.command.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import plenary.access.AccessConfiguration;
import plenary.access.BearerTokens;
import plenary.access.BrowserGuard;
import plenary.access.Problems;
import plenary.access.WebOrigins;

import java.util.List;

/**
 * The command side takes credentials with every request: HTTP Basic for configured accounts, or a bearer token
 * (the session token the query side issues to the web client). It keeps no session and sets no cookie, so a
 * cross-site page cannot ride on one; browsers reach it only from the configured web origins, through CORS.
 */
@Configuration
@Import(AccessConfiguration.class)
class SecurityConfig implements WebMvcConfigurer {

    @Bean
    SecurityFilterChain api(HttpSecurity http, Problems problems, WebOrigins origins, BearerTokens bearer)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // no cookie authenticates here; BrowserGuard refuses foreign pages
                .addFilterAfter(new BrowserGuard(origins, problems), HeaderWriterFilter.class)
                .cors(cors -> cors.configurationSource(origins.cors()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**", "/actuator/health", "/actuator/health/**",
                                "/actuator/prometheus").permitAll()
                        // STOMP signs in at CONNECT: browsers cannot put credentials on the handshake
                        .requestMatchers("/ws", "/ws/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.signIn()))
                .oauth2ResourceServer(rs -> rs.authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(problems.signIn()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems.signIn())
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorResolver());
    }
}
