package plenary.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** What both sides' security configurations are built from; each side imports it. */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    @Bean
    Problems problems(ObjectMapper json) {
        return new Problems(json);
    }

    @Bean
    SessionTokens sessionTokens(Environment environment) {
        return SessionTokens.from(environment);
    }

    @Bean
    BearerTokens bearerTokens(SessionTokens sessions, Environment environment) {
        return new BearerTokens(sessions, OidcClaims.from(environment));
    }

    /** The firewall's refusal of a path that is not in canonical form (encoded slashes, {@code ..}, {@code ;}). */
    @Bean
    RequestRejectedHandler requestRejected(Problems problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.BAD_REQUEST,
                "the URL is not in canonical form: " + e.getMessage() + "; ask for the path as the API writes it");
    }

    @Bean
    TomcatProblems tomcatProblems() {
        return new TomcatProblems();
    }

    @Bean
    ProblemErrors problemErrors() {
        return new ProblemErrors();
    }

    @Bean
    WebOrigins webOrigins(Environment environment) {
        return new WebOrigins(environment);
    }

    @Bean
    UserDetailsService accounts(Environment environment) {
        return AccountUsers.users(environment);
    }

    /** Accounts' passwords: HTTP Basic, the sign-in form, and STOMP CONNECT's login and passcode. */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService accounts) {
        return new ProviderManager(new DaoAuthenticationProvider(accounts));
    }

    /**
     * No observation of each security filter, authentication and authorisation: with the actuator's registry, Spring
     * Security wraps each of its dozen filters in an observation whose handlers look up and update meters, which took
     * more CPU than the filters themselves (on a command over HTTP and on a read of a past version alike). The checks
     * are the same filters, unwrapped; requests keep their {@code http.server.requests} meter.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
