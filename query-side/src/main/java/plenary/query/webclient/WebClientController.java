package plenary.query.webclient;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The client is one page of static files (under {@code static/}); its routes are paths of their own, so that a
 * draft has a link a delegate can share. Every route serves the same page, which reads the path itself.
 */
@Controller
class WebClientController {

    @GetMapping({"/drafts/{draftId}", "/drafts/{draftId}/history"})
    String page() {
        return "forward:/index.html";
    }
}
