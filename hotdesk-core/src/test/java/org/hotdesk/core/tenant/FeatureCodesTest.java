package org.hotdesk.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.hotdesk.core.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class FeatureCodesTest {
    final FeatureCodes codes = FeatureCodes.DEFAULT;

    @Test
    void theDefaultPatternsOfTheThreeVendorsMatch() {
        assertThat(codes.match("00*123456#")).contains(new FeatureCode.OtpLogin("123456"));
        assertThat(codes.match("00#123456#")).contains(new FeatureCode.OtpLogin("123456"));
        assertThat(codes.match("*77*1001*")).contains(new FeatureCode.ExtensionLogin("1001"));
        assertThat(codes.match("*11")).contains(new FeatureCode.PromptedLogin());
        assertThat(codes.match("00#")).contains(new FeatureCode.Logout());
        assertThat(codes.match("*12")).contains(new FeatureCode.Logout());
    }

    @Test
    void anExactLogoutWinsOverAPatternThatWouldAlsoMatch() {
        assertThat(codes.match("*77*5*")).contains(new FeatureCode.Logout());
        assertThat(codes.match("00##")).isEmpty();
    }

    @Test
    void ordinaryNumbersAreNotFeatureCodes() {
        assertThat(codes.match("1001")).isEmpty();
        assertThat(codes.match("112")).isEmpty();
        assertThat(codes.match("00*12a456#")).isEmpty();
        assertThat(codes.match("")).isEmpty();
    }

    @Test
    void aTenantCanUseItsOwnPatterns() {
        FeatureCodes own = new FeatureCodes(List.of("*55{otp}"), List.of(), List.of(), List.of("*56"));
        assertThat(own.match("*55987654")).contains(new FeatureCode.OtpLogin("987654"));
        assertThat(own.match("00#")).isEmpty();
        assertThat(FeatureCodes.decode(own.encode())).isEqualTo(own);
    }

    @Test
    void badPatternsAreNamed() {
        assertThatThrownBy(() -> new FeatureCodes(List.of("00*#"), List.of(), List.of(), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("featureCodes.otpLogin").hasMessageContaining("{otp}");
        assertThatThrownBy(() -> new FeatureCodes(List.of("00*{otp}#"), List.of(), List.of(), List.of("*1a")))
                .hasMessageContaining("featureCodes.logout").hasMessageContaining("*1a");
        assertThatThrownBy(() -> new FeatureCodes(List.of("00*{otp}#"), List.of(), List.of("*12"), List.of("*12")))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new FeatureCodes(List.of("00*{ext}#"), List.of(), List.of(), List.of()))
                .hasMessageContaining("{otp}");
    }

    @Test
    void aPlaceholderTakesOneOrMoreDigitsOnly() {
        assertThat(codes.match("00*#")).isEmpty();
        assertThat(codes.match("00*7#")).contains(new FeatureCode.OtpLogin("7"));
        assertThat(codes.match("*77**")).isEmpty();
        assertThat(codes.match("*77*1001")).isEmpty();
        assertThat(codes.match("*77*10*01*")).isEmpty();
        assertThat(codes.match("x00#")).isEmpty();
    }

    @Test
    void aPlaceholderBelongsToItsOwnListAndIsRequiredThere() {
        assertThatThrownBy(() -> new FeatureCodes(List.of(), List.of("*77*"), List.of(), List.of()))
                .hasMessageContaining("featureCodes.extensionLogin").hasMessageContaining("needs {ext}");
        assertThatThrownBy(() -> new FeatureCodes(List.of(), List.of("*77*{otp}*"), List.of(), List.of()))
                .hasMessageContaining("featureCodes.extensionLogin").hasMessageContaining("{ext}");
        assertThatThrownBy(() -> new FeatureCodes(List.of(), List.of(), List.of("*11{ext}"), List.of()))
                .hasMessageContaining("featureCodes.promptedLogin").hasMessageContaining("may not contain a placeholder");
        assertThatThrownBy(() -> new FeatureCodes(List.of(), List.of(), List.of(), List.of("00#{otp}")))
                .hasMessageContaining("featureCodes.logout");
        assertThatThrownBy(() -> new FeatureCodes(List.of("*{otp}*{otp}#"), List.of(), List.of(), List.of()))
                .hasMessageContaining("featureCodes.otpLogin").hasMessageContaining("*{otp}*{otp}#");
    }

    @Test
    void patternsAreShortAndNeverPlainNumbers() {
        String longest = "*" + "1".repeat(31);
        assertThat(new FeatureCodes(List.of(), List.of(), List.of(), List.of(longest)).logout()).containsExactly(longest);
        assertThatThrownBy(() -> new FeatureCodes(List.of(), List.of(), List.of(), List.of(longest + "1")))
                .hasMessageContaining("featureCodes.logout").hasMessageContaining("1 to 32");
        assertThatThrownBy(() -> new FeatureCodes(List.of(), List.of(), List.of(), List.of("9999")))
                .hasMessageContaining("featureCodes.logout").hasMessageContaining("'9999' needs a * or #");
        assertThatThrownBy(() -> new FeatureCodes(List.of("{otp}"), List.of(), List.of(), List.of()))
                .hasMessageContaining("featureCodes.otpLogin").hasMessageContaining("ordinary numbers");
    }

    @Test
    void twoPatternsMatchingTheSameNumbersAreRefused() {
        assertThatThrownBy(() -> new FeatureCodes(List.of("*5{otp}"), List.of("*5{ext}"), List.of(), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'*5{ext}' and '*5{otp}'");
        assertThatThrownBy(() -> new FeatureCodes(List.of("00*{otp}#", "00*{otp}#"), List.of(), List.of(), List.of()))
                .hasMessageContaining("'00*{otp}#' is listed twice");
    }

    @Test
    void theNumberOfPatternsIsBoundedSoTheyAlwaysFitTheirColumn() {
        // the longest patterns there can be: * and 31 digits
        List<String> longest = IntStream.range(0, 25).mapToObj(i -> "*" + "%031d".formatted(i)).toList();
        assertThatThrownBy(() -> new FeatureCodes(List.of(), List.of(), List.of(), longest, List.of()))
                .hasMessageContaining("at most 24 patterns in all, got 25");
        FeatureCodes full = new FeatureCodes(List.of(), List.of(), List.of(), longest.subList(0, 24), List.of());
        assertThat(full.encode()).hasSizeLessThanOrEqualTo(1000);
    }

    @Test
    void theStoredFormReadsBackAndNothingStoredMeansTheDefaults() {
        assertThat(FeatureCodes.decode(FeatureCodes.DEFAULT.encode())).isEqualTo(FeatureCodes.DEFAULT);
        assertThat(FeatureCodes.decode(null)).isEqualTo(FeatureCodes.DEFAULT);
        FeatureCodes none = new FeatureCodes(List.of(), List.of(), List.of(), List.of());
        assertThat(FeatureCodes.decode(none.encode())).isEqualTo(none);
        assertThat(none.match("00#")).isEmpty();
    }

    @Test
    void pickupTakesAColleaguesExtensionAndTenantsStoredBeforeItGetTheDefault() {
        assertThat(FeatureCodes.DEFAULT.match("*81002")).contains(new FeatureCode.Pickup("1002"));
        assertThat(FeatureCodes.DEFAULT.match("*8")).isEmpty();
        String storedBefore = "otpLogin=00*{otp}#\nextensionLogin=*77*{ext}*\npromptedLogin=*11\nlogout=00#";
        assertThat(FeatureCodes.decode(storedBefore).pickup()).containsExactly("*8{ext}");
        assertThatThrownBy(() -> new FeatureCodes(List.of(), List.of(), List.of(), List.of(), List.of("*8")))
                .hasMessageContaining("featureCodes.pickup");
    }
}
