package org.smpframe.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalParserTest {

    private static double parse(String s) {
        byte[] b = ("##" + s + "##").getBytes(StandardCharsets.ISO_8859_1);
        return DecimalParser.parse(b, 2, b.length - 2); // offsets exercise the from/to bounds
    }

    private static void assertSameAsJava(String s) {
        double expected = Double.parseDouble(s);
        assertThat(Double.doubleToRawLongBits(parse(s)))
                .as("parse(%s) = %s, Java says %s", s, parse(s), expected)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "1", "+1", "-1", "3.25", "1e-3", "1E-3", "1e+3", ".5", "5.", "-.5",
        "0.1", "0.2", "0.3", "123456789012345678", "1234567890123456789", "12345678901234567890123",
        "9007199254740993", "9007199254740992", "0.000000000000000000000000001", "1e22", "1e23", "1e-22",
        "1e-23", "4.9e-324", "2e-324", "1.7976931348623157e308", "1e309", "-1e309", "1e-400", "000123.4500",
        "2.2250738585072012e-308", "1.00000000000000011102230246251565404236316680908203125",
        "3.14159265358979323846264338327950288", "1e99999999999", "0e99999999999", "0.0000001e7"})
    void agreesWithDoubleParseDouble(String s) {
        assertSameAsJava(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "abc", "nan", "NaN", "inf",
        "Infinity", "-Infinity", "0x1p3", "1d", "1f", " 1", "1 ", "--1", "+-1", "1e5.5", "1:2"})
    void rejectsWhatIsNotADecimalNumber(String s) {
        assertThat(parse(s)).isNaN();
    }

    @Property(tries = 3000)
    void shortestRepresentationOfAnyDoubleRoundTrips(@ForAll long bits) {
        double d = Double.longBitsToDouble(bits);
        if (Double.isFinite(d)) {
            assertSameAsJava(Double.toString(d));
        }
    }

    @Property(tries = 3000)
    void anyDecimalStringAgreesWithJava(@ForAll("decimals") String s) {
        assertSameAsJava(s);
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        Arbitrary<String> intPart = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(25);
        Arbitrary<String> fracPart = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(25);
        Arbitrary<String> exp = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-340, 340).map(e -> "e" + e),
                Arbitraries.integers().between(0, 30).map(e -> "E+" + e));
        return Combinators.combine(sign, intPart, fracPart, Arbitraries.of(true, false), exp)
                .as((s, i, f, dot, e) -> {
                    String digits = dot ? i + "." + f : i + f;
                    if (i.isEmpty() && f.isEmpty()) {
                        digits = "7";
                    }
                    return s + digits + e;
                });
    }
}
