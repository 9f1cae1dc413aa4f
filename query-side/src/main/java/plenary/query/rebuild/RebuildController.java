package plenary.query.rebuild;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/rebuild} starts rebuilding the read models from the first event, aside, then switching them
 * in; {@code GET} shows how far it has got. For the secretariat only (see the query side's SecurityConfig): auditors
 * change nothing, and a rebuild costs the machine a replay of the whole record.
 */
@RestController
@RequestMapping("/api/admin/rebuild")
class RebuildController {

    private final Rebuild rebuild;

    RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    ResponseEntity<Rebuild.Progress> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/admin/rebuild")
                .body(rebuild.start());
    }

    @GetMapping
    Rebuild.Progress progress() {
        return rebuild.progress();
    }
}
