package gr.mydimos.registry.certificates;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Lays a certificate out as an A4 PDF with OpenPDF: the Liberation fonts (which have Greek glyphs) are embedded as
 * subsets, so that it renders the same everywhere; the QR code of the verification address is drawn as vector squares.
 */
@ApplicationScoped
public class CertificatePdf {

    /** What a certificate says: the statement's arguments and a table of persons; texts come from the bundle. */
    public record Content(Certificate.Type type, String language, String issuingBody, Object[] statement,
                          List<String> columns, List<List<String>> rows, int marginalNotes) {}

    private final BaseFont regular = font("liberation/LiberationSans-Regular.ttf");
    private final BaseFont bold = font("liberation/LiberationSans-Bold.ttf");

    public byte[] render(Content content, String code, String issuedAt, String verificationUrl) {
        ResourceBundle text = text(content.language());
        Font body = new Font(regular, 10.5f);
        Font small = new Font(regular, 8.5f);
        Font heading = new Font(bold, 12);
        Font columnHeading = new Font(bold, 9);
        Font cellText = new Font(regular, 9.5f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(text.getString("title." + content.type()));
        document.addCreator(text.getString("registry"));
        document.open();

        document.add(centred(text.getString("republic"), heading, 0));
        document.add(centred(content.issuingBody(), body, 0));
        document.add(centred(text.getString("registry"), body, 18));
        document.add(centred(text.getString("title." + content.type()), new Font(bold, 14), 18));
        Paragraph statement = new Paragraph(MessageFormat.format(text.getString("statement." + content.type()),
                content.statement()), body);
        statement.setSpacingAfter(12);
        document.add(statement);

        PdfPTable table = new PdfPTable(content.columns().size());
        table.setWidthPercentage(100);
        content.columns().forEach(c -> table.addCell(cell(text.getString("column." + c), columnHeading)));
        for (List<String> row : content.rows()) {
            for (int i = 0; i < row.size(); i++) {
                String value = content.columns().get(i).equals("role") ? text.getString("role." + row.get(i)) : row.get(i);
                table.addCell(cell(value, cellText));
            }
        }
        document.add(table);
        if (content.marginalNotes() > 0) {
            document.add(spaced(MessageFormat.format(text.getString("notes"), content.marginalNotes()), small, 8));
        }

        document.add(spaced(MessageFormat.format(text.getString("code"), formatted(code)), heading, 24));
        document.add(spaced(MessageFormat.format(text.getString("verify"), verificationUrl), small, 4));
        document.add(spaced(MessageFormat.format(text.getString("issued"), issuedAt), small, 4));
        drawQr(writer.getDirectContent(), verificationUrl, document.right() - 96, document.bottom(), 96);
        document.close();
        return out.toByteArray();
    }

    /** The certificates' texts in "el" or "en" (certificates/text_*.properties). */
    static ResourceBundle text(String language) {
        return ResourceBundle.getBundle("certificates.text", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** XXXX-XXXX-XXXX, as printed and typed. */
    static String formatted(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    private static void drawQr(PdfContentByte canvas, String content, float x, float y, float size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("verification address too long for a QR code", e);
        }
        float module = size / matrix.getWidth();
        canvas.saveState();
        canvas.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    canvas.rectangle(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        canvas.fill();
        canvas.restoreState();
    }

    private static Paragraph centred(String text, Font font, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(after);
        return p;
    }

    private static Paragraph spaced(String text, Font font, float before) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(before);
        return p;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setPadding(4);
        return cell;
    }

    private static BaseFont font(String resource) {
        try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the class path (openpdf-fonts-extra)");
            }
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
