package dev.commonhold.community.membership.web;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import dev.commonhold.community.membership.app.InvitationIssuing;
import dev.commonhold.platform.documents.PdfWriter;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The printed invitation: one A5 page per unit, to put in its letterbox — the community, building
 * and unit, the code in large type, a QR code of the join link, and what to do, in Chinese.
 */
final class InvitationSheet {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final Map<String, String> AS = Map.of("OWNER", "业主", "FAMILY", "家庭成员", "TENANT", "租户");

    private InvitationSheet() {
    }

    static byte[] render(InvitationIssuing.Sheets sheets, String joinUrl) {
        try (PdfWriter pdf = new PdfWriter(PDRectangle.A5)) {
            List<InvitationIssuing.Issued> issued = sheets.issued();
            for (int i = 0; i < issued.size(); i++) {
                if (i > 0) {
                    pdf.pageBreak();
                }
                page(pdf, issued.get(i), joinUrl);
            }
            if (!sheets.developerUnits().isEmpty()) {
                if (!issued.isEmpty()) {
                    pdf.pageBreak();
                }
                leftOut(pdf, sheets);
            }
            return pdf.toBytes();
        }
    }

    /** For the operator, not a letterbox: the units that got no owner code because the developer still holds them. */
    private static void leftOut(PdfWriter pdf, InvitationIssuing.Sheets sheets) {
        pdf.centred(sheets.community().name() + " · " + sheets.buildingName() + " · 未生成业主绑定码的房屋", 12);
        pdf.rule();
        pdf.row(9, "以下房屋仍登记在建设单位名下，无业主绑定码；办理过户登记后再为买受人生成：", 0);
        List<String> units = sheets.developerUnits();
        for (int i = 0; i < units.size(); i += 8) {
            pdf.row(10, String.join("  ", units.subList(i, Math.min(units.size(), i + 8))), 0);
        }
        pdf.row(9, "共 " + units.size() + " 户。", 0);
    }

    private static void page(PdfWriter pdf, InvitationIssuing.Issued issued, String joinUrl) {
        ZoneId zone = issued.community().timeZone();
        pdf.centred(issued.community().name() + " · 住户绑定邀请", 14);
        pdf.centred(issued.buildingName() + " " + issued.unitNumber() + " 室（绑定身份：" + AS.get(issued.invitation().kind().name()) + "）", 12);
        pdf.rule();
        pdf.centred("绑定码", 10);
        pdf.centred(issued.code().display(), 26);
        pdf.gap(6);
        pdf.squares(modules(InvitationLinks.link(joinUrl, issued.code())), 3.2f);
        pdf.gap(10);
        pdf.centred("有效期至 " + DAY.format(issued.invitation().expiresAt().atZone(zone)) + "，仅可使用一次", 10);
        pdf.rule();
        pdf.row(9, "1. 注册并登录 Commonhold 账号（可用手机号或邮箱作为用户名）。", 0);
        pdf.row(9, "2. 扫描上方二维码，或在“绑定房屋”中输入绑定码。", 0);
        pdf.row(9, "3. 绑定后重新登录，即可查看本户信息并参加业主投票。", 0);
        pdf.row(9, "绑定码请勿转交他人。如遗失或已过期，请联系物业服务中心补发。", 0);
    }

    /** The QR modules with the four-module quiet zone the standard asks for. */
    private static boolean[][] modules(String text) {
        try {
            ByteMatrix matrix = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8")).getMatrix();
            int quiet = 4;
            boolean[][] cells = new boolean[matrix.getHeight() + 2 * quiet][matrix.getWidth() + 2 * quiet];
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    cells[y + quiet][x + quiet] = matrix.get(x, y) == 1;
                }
            }
            return cells;
        } catch (WriterException e) {
            throw new IllegalStateException("a join link did not fit a QR code", e);
        }
    }
}
