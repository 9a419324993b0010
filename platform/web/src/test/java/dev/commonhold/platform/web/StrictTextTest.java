package dev.commonhold.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StrictTextTest {

    @Test
    void textWithLineBreaksTabsAndAnyScriptIsText() {
        assertThat(StrictText.refused("王秀英\t第一行\r\n第二行 𠮷 ÅÉ ١٢٣ 😀")).isNull();
    }

    @Test
    void controlsOverridesAndLoneSurrogatesAreRefusedByName() {
        assertThat(StrictText.refused("a\0b")).contains("NUL");
        assertThat(StrictText.refused("bell\u0007")).contains("U+0007");
        assertThat(StrictText.refused("\u001b[31mred")).contains("U+001B");
        assertThat(StrictText.refused("del\u007f")).contains("U+007F");
        assertThat(StrictText.refused("c1\u0085")).contains("U+0085");
        assertThat(StrictText.refused("\u202eevil")).contains("bidirectional").contains("U+202E");
        assertThat(StrictText.refused("\u2066x")).contains("U+2066");
        assertThat(StrictText.refused("x\ud800")).contains("unpaired");
        assertThat(StrictText.refused("\udc00x")).contains("unpaired");
        assertThat(StrictText.refused("\u200b\ufeff")).contains("invisible").contains("U+200B");
        assertThat(StrictText.refused("楼\u2060号")).contains("U+2060");
        assertThat(StrictText.refused("\ufeff1号楼")).contains("U+FEFF");
    }

    @Test
    void joinersThatMakeEmojiAndScriptsStayText() {
        assertThat(StrictText.refused("👨\u200d👩\u200d👧 \u200cمی\u200cخواهم")).isNull();
    }
}
