package org.commissioning.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void textWithANulIsRefusedNamingTheField() {
        // found by HostileInputTest: accepted, then refused by the read model's jsonb, which stalled the projection
        assertThatThrownBy(() -> Values.text("description", "More beds\u0000"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("description").hasMessageContaining("U+0000");
        assertThatThrownBy(() -> Values.optionalText("reason", "bell\u0007")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void textWithAnUnpairedSurrogateIsRefused() {
        assertThatThrownBy(() -> Values.name("servedBy", "x\uD800y")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Values.name("servedBy", "x\uDC00")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void unicodeTabsAndLineBreaksAreFine() {
        assertThat(Values.text("description", "Café \uD83D\uDE00 Ω\tline\r\nnext")).isEqualTo("Café \uD83D\uDE00 Ω\tline\r\nnext");
    }
}
