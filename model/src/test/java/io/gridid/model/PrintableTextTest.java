package io.gridid.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What may reach a terminal from the data: controls escaped, everything else as it is. */
class PrintableTextTest {
    @Test
    void controlsAreEscapedAndTextIsKept() {
        assertEquals("a\\nb\\rc\\td", PrintableText.of("a\nb\rc\td"));
        assertEquals("\\u001B[31mred", PrintableText.of("\u001B[31mred"));
        assertEquals("\\u0000\\u007F\\u0085\\u009F", PrintableText.of("\u0000\u007F\u0085\u009F"));
        assertEquals("x\\u2028y\\u202Ez\\u2066", PrintableText.of("x\u2028y\u202Ez\u2066"));
        String plain = "bus 7 \u00E9\u00A0\uFFFD \u4E2D";
        assertSame(plain, PrintableText.of(plain), "nothing to escape: the same string");
        assertEquals(-1, PrintableText.firstControl(plain));
        assertEquals(3, PrintableText.firstControl("abc\u001Bd"));
    }
}
