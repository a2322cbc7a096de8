package dev.tandem.base.ui;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes grid rows as CSV; cells that a spreadsheet would run as a formula ({@code = + - @}) are
 * neutralised.
 */
public final class CsvExport {

  private CsvExport() {}

  public static String toCsv(List<String> header, List<List<String>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(
            out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
      for (List<String> row : rows) {
        printer.printRecord(row.stream().map(CsvExport::neutralise).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** An "Export CSV" link that writes the rows current at the moment of the download. */
  public static com.vaadin.flow.component.html.Anchor link(
      String fileName, List<String> header, java.util.function.Supplier<List<List<String>>> rows) {
    com.vaadin.flow.component.html.Anchor anchor =
        new com.vaadin.flow.component.html.Anchor(
            new com.vaadin.flow.server.StreamResource(
                fileName,
                () ->
                    new java.io.ByteArrayInputStream(
                        toCsv(header, rows.get())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))),
            "Export CSV");
    anchor.getElement().setAttribute("download", true);
    return anchor;
  }

  static String neutralise(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + cell
        : cell;
  }
}
