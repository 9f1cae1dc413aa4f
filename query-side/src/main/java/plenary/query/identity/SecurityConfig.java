package plenary.query.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import plenary.identity.Accounts;

import java.io.IOException;
import java.util.Set;

@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // read-only JSON API with Basic credentials on every request
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // the WebSocket handshake: STOMP CONNECT carries the credentials
                        .requestMatchers("/ws/**", "/v3/api-docs/**", "/actuator/health").permitAll()
                        // rebuilding the read models: an operation on the service, not a reading of it
                        .requestMatchers("/api/admin/**").hasRole("SECRETARIAT")
                        // an observer reads the current text; the record and the past are the participants'
                        .requestMatchers(SecurityConfig::readsTheRecord).hasAnyRole(RECORD_READERS)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        write(json, response, HttpStatus.UNAUTHORIZED, "sign in with HTTP Basic")))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        write(json, response, HttpStatus.FORBIDDEN, e.getMessage())))
                .build();
    }

    private static final String[] RECORD_READERS = {"SECRETARIAT", "CHAIR", "DELEGATION", "AUDITOR"};
    private static final Set<String> RECORD = Set.of("events", "history", "diff", "verify", "revisions");

    /** The events, timeline, diff, verification and revisions of a draft, or any state of it but the current one. */
    static boolean readsTheRecord(HttpServletRequest request) {
        String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/");
        boolean draft = path.length >= 4 && path[1].equals("api") && path[2].equals("drafts");
        return draft && ((path.length == 5 && RECORD.contains(path[4])) || request.getParameter("version") != null
                || request.getParameter("at") != null || request.getParameter("revision") != null);
    }

    @Bean
    UserDetailsService accounts(Environment environment) {
        Accounts accounts = Accounts.load(environment::getProperty, environment.matchesProfiles("local"));
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(accounts.all().stream()
                .map(a -> User.withUsername(a.user()).password(a.password()).authorities(a.authorities()).build())
                .toList());
        // a plain UserDetailsService: as the manager, Spring would re-hash each password to bcrypt on first
        // login and then pay ~50 ms of bcrypt on every Basic-authenticated request
        return users::loadUserByUsername;
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService accounts) {
        return new ProviderManager(new DaoAuthenticationProvider(accounts));
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"plenary\"");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }
}
