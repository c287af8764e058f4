package org.hotdesk.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
}
