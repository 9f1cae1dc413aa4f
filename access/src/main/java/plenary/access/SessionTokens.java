package plenary.access;

import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import plenary.identity.Actor;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Plenary's session tokens: short-lived JWTs (HS256) that the query side issues to a signed-in user and that the
 * command side and STOMP CONNECT accept as {@code Authorization: Bearer}. Both sides share the key
 * ({@code plenary.identity.token-key}, base64 of at least 32 bytes, or {@code plenary.identity.token-key-file});
 * local mode makes one per run. A token names the user, the role and the delegation, and nothing else.
 */
public final class SessionTokens {

    public static final String ISSUER = "plenary";
    static final String KEY = "plenary.identity.token-key";
    static final String KEY_FILE = "plenary.identity.token-key-file";
    static final String LIFETIME = "plenary.identity.token-lifetime";
    static final String ROLE = "role";
    static final String DELEGATION = "delegation";

    /** A token and the instant it stops being accepted. */
    public record Issued(String token, Instant expiresAt) {
    }

    private final NimbusJwtEncoder encoder;
    private final JwtDecoder decoder;
    private final Duration lifetime;
    private final Clock clock;

    public SessionTokens(byte[] key, Duration lifetime, Clock clock) {
        if (key.length < 32) {
            throw new IllegalStateException(KEY + " must be at least 32 bytes (256 bits), base64-encoded; it has "
                    + key.length);
        }
        SecretKey secret = new SecretKeySpec(key, "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(secret));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(secret).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(ISSUER),
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(ISSUER)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not meant for Plenary", null))));
        this.decoder = decoder;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** From configuration: both sides must be given the same key. */
    public static SessionTokens from(Environment environment) {
        String key = environment.getProperty(KEY, "");
        String file = environment.getProperty(KEY_FILE, "");
        if (key.isBlank() && !file.isBlank()) {
            try {
                key = Files.readString(Path.of(file)).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(KEY_FILE + " " + file + " cannot be read", e);
            }
        }
        if (key.isBlank()) {
            throw new IllegalStateException("set " + KEY + " (PLENARY_TOKEN_KEY) or " + KEY_FILE
                    + " (PLENARY_TOKEN_KEY_FILE): a base64 key of at least 32 bytes that both sides share, for "
                    + "instance from `openssl rand -base64 32`; local mode makes one for each run");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY + " is not base64", e);
        }
        return new SessionTokens(bytes, environment.getProperty(LIFETIME, Duration.class, Duration.ofMinutes(15)),
                Clock.systemUTC());
    }

    public Issued issue(Actor actor) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(ISSUER).audience(List.of(ISSUER))
                .subject(actor.user()).issuedAt(now).expiresAt(expiresAt).claim(ROLE, actor.role().name());
        if (actor.delegation() != null) {
            claims.claim(DELEGATION, actor.delegation());
        }
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()));
        return new Issued(jwt.getTokenValue(), expiresAt);
    }

    JwtDecoder decoder() {
        return decoder;
    }
}
