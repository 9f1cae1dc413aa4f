package plenary.query.identity;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /login}: the sign-in form, a static page ({@code login.html}) that the web client styles; where an OIDC
 * provider signs the web client in, a hand-over to it (back to the form after a failure, which it explains).
 */
@Controller
class SignInPage {

    private final boolean provider;

    SignInPage(Environment environment) {
        this.provider = !environment.getProperty("plenary.identity.oidc.client-id", "").isBlank()
                && !environment.getProperty("plenary.identity.oidc.issuer-uri", "").isBlank();
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error) {
        return provider && error == null ? "redirect:/oauth2/authorization/" + OidcLogin.REGISTRATION
                : "forward:/login.html";
    }
}
