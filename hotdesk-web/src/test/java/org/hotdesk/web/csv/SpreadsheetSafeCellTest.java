package org.hotdesk.web.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Exported cells never start a spreadsheet formula, phone numbers stay readable, and the import undoes it. */
class SpreadsheetSafeCellTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "@SUM(A1)", "-2+3+cmd|' /C calc'!A0", "+A1", "=HYPERLINK(\"http://evil\",\"x\")",
            "\tx", "\r=1", "+", "-"})
    void aCellThatWouldStartAFormulaIsWrittenAsText(String value) {
        assertThat(SpreadsheetSafeCell.forExport(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+4930123456", "+1 (555) 010-2000", "-5", "+49 30/1234.56", "Anna", "Desk 1", "a=b", ""})
    void phoneNumbersNumbersAndPlainTextAreWrittenAsTheyAre(String value) {
        assertThat(SpreadsheetSafeCell.forExport(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "@SUM(A1)", "-2+3+cmd|' /C calc'!A0", "+4930123456", "Anna", "", "'",
            "'=already quoted", "''@twice", "'+4930123456", "'plain", "it's"})
    void whatIsExportedImportsBackToTheSameValue(String value) {
        assertThat(SpreadsheetSafeCell.fromImport(SpreadsheetSafeCell.forExport(value))).isEqualTo(value);
    }

    static Stream<String[]> typedByHand() {
        return Stream.of(new String[] {"'=1+1", "=1+1"}, new String[] {"'+4930123456", "+4930123456"},
                new String[] {"'Anna", "'Anna"}, new String[] {"=1+1", "=1+1"});
    }

    @ParameterizedTest
    @MethodSource("typedByHand")
    void onImportOnlyAnApostropheBeforeAFormulaCharacterIsTakenOff(String cell, String value) {
        assertThat(SpreadsheetSafeCell.fromImport(cell)).isEqualTo(value);
    }

    @Test
    void anEmptyFieldStaysEmpty() {
        assertThat(SpreadsheetSafeCell.forExport(null)).isNull();
    }
}
