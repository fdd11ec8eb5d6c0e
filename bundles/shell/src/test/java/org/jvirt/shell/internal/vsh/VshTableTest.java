package org.jvirt.shell.internal.vsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The table against virsh's own (expected texts copied from virsh 9.0's output). */
class VshTableTest {
    @Test
    void layoutAsVirshList() {
        VshTable t = new VshTable("Id", "Name", "State");
        t.addRow("1", "test", "running");
        assertThat(t.render(true)).isEqualTo(" Id   Name   State\n----------------------\n 1    test   running\n");
    }

    @Test
    void widestCellSetsTheColumn() {
        VshTable t = new VshTable("Id", "Name", "State");
        t.addRow("1", "test", "running");
        t.addRow("-", "foo", "shut off");
        assertThat(t.render(true)).isEqualTo(
                " Id   Name   State\n-----------------------\n 1    test   running\n -    foo    shut off\n");
    }

    @Test
    void withoutHeaderTheRowsAloneSetTheWidths() {
        VshTable t = new VshTable("Id", "Name", "State");
        t.addRow("1", "test", "running");
        assertThat(t.render(false)).isEqualTo(" 1   test   running\n");
    }

    @Test
    void emptyTableHasHeaderOnly() {
        assertThat(new VshTable("Id", "Name", "State").render(true))
                .isEqualTo(" Id   Name   State\n--------------------\n");
        assertThat(new VshTable("Id", "Name", "State").render(false)).isEmpty();
    }

    @Test
    void emptyLastCellStillGetsItsLeadingSpace() {
        VshTable t = new VshTable("Id", "Name", "State", "Title");
        t.addRow("1", "test", "running", "");
        assertThat(t.render(true))
                .isEqualTo(" Id   Name   State     Title\n------------------------------\n 1    test   running   \n");
    }

    @Test
    void controlCharactersAreShownEscapedAndCountedAsFour() {
        VshTable t = new VshTable("Id", "Name", "State", "Title");
        t.addRow("1", "test", "running", "a\ttab");
        assertThat(t.render(true)).isEqualTo(
                " Id   Name   State     Title\n---------------------------------\n 1    test   running   a\\x09tab\n");
    }

    @Test
    void aLiteralBackslashXIsEscapedToo() {
        StringBuilder out = new StringBuilder();
        assertThat(VshTable.safeEncode("a\\xb", out)).isEqualTo(7);
        assertThat(out).hasToString("a\\x5cxb");
    }

    @Test
    void wideAndCombiningCharactersTakeTheirColumns() {
        StringBuilder out = new StringBuilder();
        assertThat(VshTable.safeEncode("日本", out)).isEqualTo(4);
        assertThat(VshTable.safeEncode("e\u0301", new StringBuilder())).isEqualTo(1);
        assertThat(VshTable.safeEncode("é", new StringBuilder())).isEqualTo(1);
    }

    @Test
    void rowsMustMatchTheHeader() {
        VshTable t = new VshTable("a", "b");
        assertThatThrownBy(() -> t.addRow("1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Incorrect number of cells in a table row");
    }
}
