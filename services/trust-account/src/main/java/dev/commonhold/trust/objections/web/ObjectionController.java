package dev.commonhold.trust.objections.web;

import dev.commonhold.platform.security.Viewer;
import dev.commonhold.trust.objections.app.Objections;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Owners question entries; the operator answers; everyone with access to the account reads both (T5). */
@RestController
@RequestMapping("/api/trust/communities/{communityId}")
class ObjectionController {

    record Question(@NotBlank @Size(max = 1000) String question) {
    }

    record Answer(@NotBlank @Size(max = 1000) String answer) {
    }

    private final Objections objections;

    ObjectionController(Objections objections) {
        this.objections = objections;
    }

    @PostMapping("/entries/{entryId}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    Objections.Objection raise(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID entryId, @Valid @RequestBody Question q) {
        return objections.raise(viewer, communityId, entryId, q.question());
    }

    @PostMapping("/objections/{objectionId}/answer")
    Objections.Objection answer(Viewer viewer, @PathVariable UUID communityId, @PathVariable UUID objectionId, @Valid @RequestBody Answer a) {
        return objections.answer(viewer, communityId, objectionId, a.answer());
    }

    /** Open ones first, oldest first: what has waited longest is on top. */
    @GetMapping("/objections")
    List<Objections.Objection> list(Viewer viewer, @PathVariable UUID communityId) {
        return objections.list(viewer, communityId);
    }
}
