package org.commissioning.tracker.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operating the read models: their progress, rebuilding them all from the event store, and pausing their processors
 * (a large import). Served by the query side,
 * which owns them; the gateway routes every method of {@value #PATH} there.
 */
@RestController
@RequestMapping(ProjectionAdminController.PATH)
@Tag(name = "Administration")
public class ProjectionAdminController {

    public static final String PATH = "/api/admin/projections";

    private final Projections projections;
    private final Duration patience;

    ProjectionAdminController(Projections projections,
                              @Value("${tracker.projections.rebuild-wait:60s}") Duration patience) {
        this.projections = projections;
        this.patience = patience;
    }

    @GetMapping
    @Operation(summary = "Each read model's processor: running, replaying, its position against the event store's head",
            description = "With wait=true, answers once every processor has caught up with the head as it is when "
                    + "asked, or after tracker.projections.rebuild-wait (60 s) with caughtUp false.")
    Projections.Status status(@RequestParam(defaultValue = "false") boolean wait) {
        return wait ? projections.awaitCaughtUp(patience) : projections.status();
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild every read model from the event store",
            description = "Resets every streaming processor (its read model is cleared) and replays the event store. "
                    + "Answers 200 once every processor has caught up with the events stored when the rebuild began, "
                    + "or 202 if that takes longer than tracker.projections.rebuild-wait (60 s): then poll GET "
                    + PATH + " until caughtUp. Reads answer from a partial read model while it runs.")
    ResponseEntity<Projections.Rebuild> rebuild() {
        Projections.Rebuild rebuild = projections.rebuild(patience);
        return ResponseEntity.status(rebuild.caughtUp() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(rebuild);
    }

    @PostMapping("/pause")
    @Operation(summary = "Stop every read model's processor on this node, e.g. for a large import",
            description = "The processors keep their positions; reads answer from the read models as they are, "
                    + "minVersion reads wait and then answer 503. Resume with POST " + PATH + "/resume, or bring "
                    + "everything in at once with POST " + PATH + "/rebuild; a restart of the node also resumes. "
                    + "409 rebuild_in_progress while a rebuild replays the store.")
    Projections.Status pause() {
        return projections.pause();
    }

    @PostMapping("/resume")
    @Operation(summary = "Start every read model's processor on this node that is not running",
            description = "Each goes on from its stored position. During a rebuild, nothing to do: it starts them.")
    Projections.Status resume() {
        return projections.resume();
    }
}
