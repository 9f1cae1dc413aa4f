package plenary.query.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import plenary.access.AccessConfiguration;
import plenary.access.BearerTokens;
import plenary.access.BrowserGuard;
import plenary.access.OidcClaims;
import plenary.access.Problems;
import plenary.access.WebOrigins;
import plenary.query.readers.Readers;

import java.util.Optional;
import java.util.Set;

/**
 * The query side serves the web client as well as the API. A browser signs in with the form at {@code /login} and
 * then holds an HttpOnly session cookie; its unsafe requests carry Spring's CSRF token (cookie {@code XSRF-TOKEN},
 * header {@code X-XSRF-TOKEN}). Other clients send HTTP Basic or a bearer token with every request and need no
 * token. {@code GET /api/session} hands a signed-in browser its short-lived session token for the command side
 * and STOMP.
 */
@Configuration
@Import(AccessConfiguration.class)
class SecurityConfig {

    /** What a signed-out browser may load: the sign-in page and the web client's code (never a draft). */
    static final String[] SIGN_IN_PAGE = {"/login", "/login.html", "/login.js", "/ui/**", "/oauth2/**", "/login/oauth2/**",
            "/webjars/**", "/favicon.ico", "/error"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, Problems problems, WebOrigins origins, BearerTokens bearer,
                            Readers readers, Environment environment) throws Exception {
        CookieCsrfTokenRepository csrfCookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookie.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(SecurityConfig::pageNavigation);
        pagesOnly.setMatchingRequestParameterName(null); // back to the page asked for, as it was asked for
        return http
                .addFilterAfter(new BrowserGuard(origins, problems), HeaderWriterFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie)
                        // the token as the cookie holds it: the page's script copies it into the header
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfig::signedInBySession))
                .addFilterAfter(new CsrfCookie(), CsrfFilter.class)
                .requestCache(cache -> cache.requestCache(pagesOnly))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(SIGN_IN_PAGE).permitAll()
                        // the WebSocket handshake: STOMP CONNECT carries the credentials
                        .requestMatchers("/ws/**", "/v3/api-docs/**", "/actuator/health", "/actuator/health/**",
                                "/actuator/prometheus").permitAll()
                        // rebuilding the read models: an operation on the service, not a reading of it
                        .requestMatchers("/api/admin/**").hasRole("SECRETARIAT")
                        // a draft's current text is for everyone signed in; its record and past are its readers'
                        .requestMatchers(HttpMethod.GET, "/api/drafts").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/drafts/{draftId}", "/api/drafts/{draftId}/text",
                                "/api/drafts/{draftId}/brackets").access(readers.text())
                        .requestMatchers("/api/drafts/{draftId}/**").access(readers.record())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login"))
                .oauth2Login(oidc -> oidcLogin(oidc, environment))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler((request, response, authentication) -> {
                            if (pageNavigation(request)) {
                                response.sendRedirect(request.getContextPath() + "/login?logout");
                            } else {
                                new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)
                                        .onLogoutSuccess(request, response, authentication);
                            }
                        }))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.signIn()))
                .oauth2ResourceServer(rs -> rs.authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(problems.signIn()))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> {
                            if (pageNavigation(request)) {
                                response.sendRedirect(request.getContextPath() + "/login");
                            } else {
                                problems.signIn().commence(request, response, e);
                            }
                        })
                        .accessDeniedHandler(problems.forbidden()))
                .build();
    }

    /**
     * An organisation's provider, if configured, signs the web client in; otherwise there is none to hand over to.
     * When it refuses, the form says that it was the provider (and still takes Plenary's own accounts).
     */
    private static void oidcLogin(OAuth2LoginConfigurer<HttpSecurity> oidc, Environment environment) {
        Optional<InMemoryClientRegistrationRepository> clients = OidcLogin.clients(environment);
        if (clients.isEmpty()) {
            oidc.disable();
            return;
        }
        oidc.clientRegistrationRepository(clients.get()).loginPage("/login").failureUrl("/login?error&provider")
                .userInfoEndpoint(user -> user.userAuthoritiesMapper(
                        OidcLogin.authorities(OidcClaims.from(environment).orElseThrow())));
    }

    /**
     * Unsafe requests that a browser's session cookie authenticates. A request carrying its own credentials
     * (Basic, Bearer) cannot be forged by another page, which cannot set that header.
     */
    static boolean signedInBySession(HttpServletRequest request) {
        return !SAFE.contains(request.getMethod()) && request.getHeader("Authorization") == null;
    }

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** A browser opening one of the web client's pages (not the API): sent to sign in, and back afterwards. */
    static boolean pageNavigation(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return HttpMethod.GET.matches(request.getMethod()) && !path.startsWith("/api/")
                && ("navigate".equals(request.getHeader("Sec-Fetch-Mode"))
                || (accept != null && accept.contains("text/html")));
    }
}
