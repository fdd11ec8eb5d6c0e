package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.management.openmbean.ArrayType;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularType;

import org.junit.jupiter.api.Test;
import org.jvirt.api.Domain;
import org.jvirt.api.event.StoppedDetail;

/** Records become open data without code of their own: what the API's coming event records will go through. */
class RecordItemsTest {
    enum Plain { ONE, TWO }

    record Address(String node, int port) {
    }

    /** As the API's typed parameters: a class iterating over records. */
    static final class Params implements Iterable<Param> {
        private final List<Param> list;

        Params(Param... list) {
            this.list = List.of(list);
        }

        @Override
        public java.util.Iterator<Param> iterator() {
            return list.iterator();
        }
    }

    record Param(String field, StoppedDetail type, Object value) {
    }

    record Tunable(Domain domain, Params params, java.util.Set<Plain> flags) {
    }

    record Everything(Domain domain, String disk, int status, long offset, boolean done, StoppedDetail detail,
            Plain plain, UUID id, Address local, List<String> aliases, Address[] peers, long[] sizes,
            Map<String, Object> params, Object other) {
    }

    @Test
    void eachComponentGetsItsOpenType() throws Exception {
        List<OpenItem> items = RecordItems.of(Everything.class, List.of("domain"));

        Map<String, OpenType<?>> types = new LinkedHashMap<>();
        items.forEach(i -> types.put(i.name(), i.type()));
        assertThat(types.keySet()).containsExactly("disk", "status", "offset", "done", "detail", "detailNumber",
                "plain", "id", "local", "aliases", "peers", "sizes", "params", "other");
        assertThat(types.get("disk")).isEqualTo(SimpleType.STRING);
        assertThat(types.get("status")).isEqualTo(SimpleType.INTEGER);
        assertThat(types.get("offset")).isEqualTo(SimpleType.LONG);
        assertThat(types.get("done")).isEqualTo(SimpleType.BOOLEAN);
        assertThat(types.get("detail")).isEqualTo(SimpleType.STRING);
        assertThat(types.get("detailNumber")).isEqualTo(SimpleType.INTEGER);
        assertThat(types.get("plain")).isEqualTo(SimpleType.STRING);
        assertThat(types.get("id")).isEqualTo(SimpleType.STRING);
        assertThat(types.get("local")).isInstanceOf(CompositeType.class);
        assertThat(((CompositeType) types.get("local")).keySet()).containsExactly("node", "port");
        assertThat(types.get("aliases")).isEqualTo(ArrayType.getArrayType(SimpleType.STRING));
        assertThat(((ArrayType<?>) types.get("peers")).getElementOpenType()).isInstanceOf(CompositeType.class);
        assertThat(types.get("sizes")).isEqualTo(ArrayType.getPrimitiveArrayType(long[].class));
        assertThat(types.get("params")).isInstanceOf(TabularType.class);
        assertThat(types.get("other")).isEqualTo(SimpleType.STRING);
    }

    @Test
    void aRecordBecomesCompositeData() throws Exception {
        UUID id = UUID.fromString("6695eb01-f6a4-8304-79aa-97f2502e193f");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cputune.shares", 1024L);
        Everything e = new Everything(DomainEventTypesTest.domain("vm1"), "vda", 3, 1L << 40, true,
                StoppedDetail.DESTROYED, Plain.TWO, id, new Address("127.0.0.1", 5900), List.of("a", "b"),
                new Address[] {new Address("::1", 1)}, new long[] {1, 2}, params, new StringBuilder("text"));
        List<OpenItem> items = RecordItems.of(Everything.class, List.of());
        CompositeType type = RecordItems.compositeType("everything", "all of it", items);

        CompositeData data = RecordItems.composite(type, items, e);

        assertThat(data.get("domain")).isEqualTo("vm1");
        assertThat(data.get("disk")).isEqualTo("vda");
        assertThat(data.get("status")).isEqualTo(3);
        assertThat(data.get("offset")).isEqualTo(1L << 40);
        assertThat(data.get("done")).isEqualTo(true);
        assertThat(data.get("detail")).isEqualTo("DESTROYED");
        assertThat(data.get("detailNumber")).isEqualTo(1);
        assertThat(data.get("plain")).isEqualTo("TWO");
        assertThat(data.get("id")).isEqualTo(id.toString());
        assertThat(((CompositeData) data.get("local")).get("node")).isEqualTo("127.0.0.1");
        assertThat(((CompositeData) data.get("local")).get("port")).isEqualTo(5900);
        assertThat((String[]) data.get("aliases")).containsExactly("a", "b");
        assertThat(((CompositeData[]) data.get("peers"))[0].get("node")).isEqualTo("::1");
        assertThat((long[]) data.get("sizes")).containsExactly(1, 2);
        TabularData table = (TabularData) data.get("params");
        assertThat(table.get(new Object[] {"cputune.shares"}).get("value")).isEqualTo("1024");
        assertThat(data.get("other")).isEqualTo("text");
    }

    @Test
    void absentValuesStayAbsent() {
        Everything e = new Everything(null, null, 0, 0, false, null, null, null, null, null, null, null, null, null);
        List<OpenItem> items = RecordItems.of(Everything.class, List.of("domain"));
        CompositeType type = RecordItems.compositeType("everything", "all of it", items);

        CompositeData data = RecordItems.composite(type, items, e);

        assertThat(data.get("disk")).isNull();
        assertThat(data.get("detail")).isNull();
        assertThat(data.get("detailNumber")).isNull();
        assertThat(data.get("local")).isNull();
    }

    @Test
    void anIterableOfRecordsIsAnArrayOfCompositeData() throws Exception {
        List<OpenItem> items = RecordItems.of(Tunable.class, List.of("domain"));
        CompositeType type = RecordItems.compositeType("tunable", "tunable", items);
        assertThat(((ArrayType<?>) type.getType("params")).getElementOpenType()).isInstanceOf(CompositeType.class);
        assertThat(type.getType("flags")).isEqualTo(ArrayType.getArrayType(SimpleType.STRING));

        CompositeData data = RecordItems.composite(type, items, new Tunable(null,
                new Params(new Param("cputune.shares", StoppedDetail.SHUTDOWN, 1024L)), java.util.Set.of(Plain.ONE)));

        CompositeData[] params = (CompositeData[]) data.get("params");
        assertThat(params).hasSize(1);
        assertThat(params[0].get("field")).isEqualTo("cputune.shares");
        assertThat(params[0].get("typeNumber")).isEqualTo(0);
        assertThat(params[0].get("value")).isEqualTo("1024");
        assertThat((String[]) data.get("flags")).containsExactly("ONE");
    }

    @Test
    void onlyRecordsMap() {
        assertThatThrownBy(() -> RecordItems.of(String.class, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
