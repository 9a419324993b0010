package dev.commonhold.community.registry.web;

import dev.commonhold.platform.audit.AuditKind;
import dev.commonhold.platform.audit.Audited;
import dev.commonhold.community.registry.app.RegistryImports;
import dev.commonhold.platform.security.Viewer;
import dev.commonhold.platform.web.problem.ProblemException;
import dev.commonhold.platform.web.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.UUID;

/**
 * Bulk onboarding of a community's buildings, units and owners from a spreadsheet saved as CSV:
 * {@code curl --data-binary @units.csv -H 'Content-Type: text/csv' …/imports}. All or nothing.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Bulk onboarding")
@RequestMapping("/api/community/communities/{communityId}/imports")
class ImportController {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    record ImportSummary(int rows, int buildingsCreated, int ownersCreated, int unitsCreated, BigDecimal exclusiveAreaM2) {
    }

    private final RegistryImports imports;

    ImportController(RegistryImports imports) {
        this.imports = imports;
    }

    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = """
            The spreadsheet saved as CSV (UTF-8, UTF-8 with BOM, GBK/GB18030 or UTF-16 tab-separated). First line: the columns \
            building, unit, floor, exclusive_area_m2, use, owner_ref, owner_name, owner_kind, owner_phone \
            (or 楼栋, 房号, 楼层, 专有面积, 用途, 业主编号, 业主姓名, 业主类型, 联系电话), in any order.""",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @ResponseStatus(HttpStatus.CREATED)
    @Audited(kind = AuditKind.BINDING_CHANGE, action = "community.register.import")
    @PostMapping(consumes = {"text/csv", "text/plain", "text/tab-separated-values", "application/octet-stream", "application/vnd.ms-excel"})
    ResponseEntity<ImportSummary> importSpreadsheet(Viewer viewer, @PathVariable UUID communityId, HttpServletRequest request)
            throws IOException {
        var rows = SpreadsheetRows.read(body(request), charset(request));
        RegistryImports.Summary summary = imports.importRows(viewer, communityId, rows);
        return ResponseEntity.created(URI.create("/api/community/communities/%s/units".formatted(communityId)))
                .body(new ImportSummary(summary.rows(), summary.buildingsCreated(), summary.ownersCreated(), summary.unitsCreated(),
                        BigDecimal.valueOf(summary.exclusiveAreaCentiSquareMetres(), 2)));
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemType.PAYLOAD_TOO_LARGE, "File too large",
                        "The file is over 20 MB; split it by building and import the parts one after another.");
            }
            return bytes;
        }
    }

    private static Charset charset(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType()).getCharset();
        } catch (RuntimeException unknownCharset) {
            throw ProblemException.invalid("Content-Type", "unknown charset in " + request.getContentType());
        }
    }
}
