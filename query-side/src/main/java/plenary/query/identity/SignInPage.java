package plenary.query.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /login}: the sign-in form, a static page ({@code login.html}) that the web client styles. */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn() {
        return "forward:/login.html";
    }
}
