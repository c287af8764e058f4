package org.hotdesk.web.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hotdesk.web.ApiException;
import org.junit.jupiter.api.Test;

/** RFC 4180 reading and writing, with the file line each record starts on. */
class CsvReaderTest {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        List<CsvReader.Record> records = CsvReader.read("mac,name,description\n"
                + "001565000001,\"Desk, window\",\"He said \"\"hi\"\"\"\n"
                + "001565000002,\"Two\nlines\",plain\n");
        assertThat(records).hasSize(3);
        assertThat(records.get(1).fields()).containsExactly("001565000001", "Desk, window", "He said \"hi\"");
        assertThat(records.get(2).fields()).containsExactly("001565000002", "Two\nlines", "plain");
    }

    @Test
    void crlfLfAndAByteOrderMarkAllReadTheSame() {
        String lf = "mac,name\n001565000001,A\n";
        String crlf = "\uFEFFmac,name\r\n001565000001,A\r\n";
        String noFinalBreak = "mac,name\r\n001565000001,A";
        assertThat(CsvReader.read(crlf)).isEqualTo(CsvReader.read(lf));
        assertThat(CsvReader.read(noFinalBreak)).isEqualTo(CsvReader.read(lf));
        assertThat(CsvReader.read(crlf).get(0).fields().get(0)).isEqualTo("mac");
    }

    @Test
    void aRecordAfterAMultiLineFieldKnowsItsFileLine() {
        List<CsvReader.Record> records = CsvReader.read("mac,description\r\n"
                + "001565000001,\"first\r\nsecond\r\nthird\"\r\n"
                + "\r\n"
                + "001565000002,x\r\n");
        assertThat(records).extracting(CsvReader.Record::line).containsExactly(1, 2, 6);
        assertThat(records.get(1).fields().get(1)).isEqualTo("first\nsecond\nthird");
    }

    @Test
    void brokenQuotingIsRefusedWithItsLine() {
        assertThatThrownBy(() -> CsvReader.read("mac,name\n001565000001,\"never closed\n001565000002,B\n"))
                .isInstanceOf(CsvReader.MalformedCsv.class).hasMessageContaining("line 2")
                .extracting(e -> ((CsvReader.MalformedCsv) e).line()).isEqualTo(2);
        assertThatThrownBy(() -> CsvReader.read("mac,name\n001565000001,\"A\"B\n"))
                .isInstanceOf(CsvReader.MalformedCsv.class).hasMessageContaining("doubled");
        assertThatThrownBy(() -> CsvReader.read("mac,name\n001565000001,A\"B\n"))
                .isInstanceOf(CsvReader.MalformedCsv.class);
    }

    @Test
    void whatTheWriterWritesReadsBackToTheSameValues() {
        List<String> values = List.of("plain", "with, comma", "with \"quotes\"", "two\nlines", " padded ", "", "=1+1",
                "'=x", "+4930123456");
        String csv = new CsvWriter(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")).row(values).toString();
        assertThat(csv).contains(",'=1+1,''=x,+4930123456\r\n");
        assertThat(csv).endsWith("\r\n");
        assertThat(CsvReader.read(csv).get(1).fields()).isEqualTo(values);
    }

    @Test
    void theHeaderIsMatchedByNameAndAnUnknownOrMissingColumnIsNamed() {
        CsvTable table = CsvTable.read("NAME, Mac\nDesk,001565000001\n", List.of("mac", "name", "model"), List.of("mac"));
        assertThat(table.rows().get(0).get("mac")).isEqualTo("001565000001");
        assertThat(table.rows().get(0).has("model")).isFalse();

        assertThatThrownBy(() -> CsvTable.read("mac,colour\n", List.of("mac", "name"), List.of("mac")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("invalid_csv");
                    assertThat(e.body().details().get(0).field()).isEqualTo("colour");
                    assertThat(e.body().details().get(0).message()).contains("unknown column 'colour'");
                });
        assertThatThrownBy(() -> CsvTable.read("name\nDesk\n", List.of("mac", "name"), List.of("mac")))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.body().details().get(0).message()).contains("required column 'mac' is missing"));
        assertThatThrownBy(() -> CsvTable.read("", List.of("mac"), List.of("mac")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("empty"));
    }
}
