package dev.commonhold.franchise.oversight.web;

import dev.commonhold.franchise.oversight.app.Oversight;
import dev.commonhold.platform.security.Viewer;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The regulator's district report: every agreement under a division code (2, 4 or 6 digits) the viewer oversees, reviewed for a year. */
@RestController
@Tag(name = "District reports")
@RequestMapping("/api/franchise/districts/{division}/years/{year}")
class DistrictController {

    private final Oversight oversight;

    DistrictController(Oversight oversight) {
        this.oversight = oversight;
    }

    @GetMapping
    List<OversightController.ReviewView> report(Viewer viewer, @PathVariable String division, @PathVariable int year) {
        return oversight.district(viewer, division, year).stream().map(OversightController.ReviewView::of).toList();
    }

    /** One row per agreement for a spreadsheet: revenue, share owed and paid, return, investment, score, findings by severity. */
    @GetMapping(value = "/report.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(Viewer viewer, @PathVariable String division, @PathVariable int year) {
        return Exports.csv("franchise-" + division + "-" + year, Exports.district(oversight.district(viewer, division, year)));
    }
}
