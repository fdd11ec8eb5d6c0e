package org.jvirt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TypedParametersTest {

    @Test
    void theBuilderAddsEachTypeAndTheGettersReadThem() {
        TypedParameters p = TypedParameters.builder()
                .addInt(TypedParamFields.DOMAIN_SCHEDULER_WEIGHT, -3)
                .addUInt("u", 4_000_000_000L)
                .addLLong("l", Long.MIN_VALUE)
                .addULLong(TypedParamFields.DOMAIN_SCHEDULER_CPU_SHARES, -1L)
                .addDouble("d", 0.5)
                .addBoolean("b", true)
                .addString("s", "x")
                .addStringList("list", List.of("one", "two"))
                .build();
        assertThat(p.size()).isEqualTo(9);
        assertThat(p.getInt("weight")).hasValue(-3);
        assertThat(p.getUInt("u")).hasValue(4_000_000_000L);
        assertThat(p.getLLong("l")).hasValue(Long.MIN_VALUE);
        assertThat(p.get("cpu_shares").orElseThrow().valueText()).isEqualTo("18446744073709551615");
        assertThat(p.getDouble("d")).hasValue(0.5);
        assertThat(p.getBoolean("b")).hasValue(true);
        assertThat(p.getString("s")).hasValue("x");
        assertThat(p.getStrings("list")).containsExactly("one", "two");
        assertThat(p.getString("list")).as("the first of a repeated field").hasValue("one");
        assertThat(p.getInt("absent")).isEmpty();
    }

    @Test
    void aGetterOfAnotherTypeIsLibvirtsInvalidArgument() {
        TypedParameters p = TypedParameters.of(TypedParameter.ofULLong("cpu_shares", 1024));
        assertThatThrownBy(() -> p.getInt("cpu_shares")).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARG);
            assertThat(e.getMessage())
                    .isEqualTo("invalid argument: invalid type 'ullong' for parameter 'cpu_shares', expected 'int'");
        });
        assertThatThrownBy(() -> p.getLLong("cpu_shares"))
                .hasMessage("invalid argument: invalid type 'ullong' for parameter 'cpu_shares', expected 'llong'");
    }

    @Test
    void valuesFromTextAreReadAsVirTypedParamsAddFromStringReadsThem() {
        TypedParameters p = TypedParameters.builder()
                .addFromString("i", TypedParameterType.INT, "-7")
                .addFromString("u", TypedParameterType.UINT, "4294967295")
                .addFromString("b", TypedParameterType.BOOLEAN, "TRUE")
                .addFromString("c", TypedParameterType.BOOLEAN, "0")
                .addFromString("s", TypedParameterType.STRING, " spaced ")
                .build();
        assertThat(p.getInt("i")).hasValue(-7);
        assertThat(p.getUInt("u")).hasValue(4294967295L);
        assertThat(p.getBoolean("b")).hasValue(true);
        assertThat(p.getBoolean("c")).hasValue(false);
        assertThat(p.getString("s")).hasValue(" spaced ");
        assertThatThrownBy(() -> TypedParameter.fromString("i", TypedParameterType.INT, "x"))
                .hasMessage("invalid argument: Invalid value for field 'i': expected int");
        assertThatThrownBy(() -> TypedParameter.fromString("u", TypedParameterType.UINT, "-1"))
                .hasMessage("invalid argument: Invalid value for field 'u': expected unsigned int");
        assertThatThrownBy(() -> TypedParameter.fromString("b", TypedParameterType.BOOLEAN, "yes"))
                .hasMessage("invalid argument: Invalid boolean value for field 'b'");
        assertThatThrownBy(() -> TypedParameter.fromString("n", TypedParameterType.STRING, null))
                .hasMessage("invalid argument: NULL value for field 'n'");
    }

    @Test
    void parametersRefuseValuesOfTheWrongShape() {
        assertThatThrownBy(() -> new TypedParameter("x", TypedParameterType.INT, "1"))
                .isInstanceOf(VirtException.class);
        assertThatThrownBy(() -> TypedParameter.ofUInt("x", -1)).isInstanceOf(VirtException.class);
        assertThatThrownBy(() -> TypedParameter.ofInt("x".repeat(80), 1))
                .hasMessage("internal error: Field name '" + "x".repeat(80) + "' too long");
        assertThat(TypedParameter.ofInt("x".repeat(79), 1).field()).hasSize(79);
    }

    @Test
    void flagsWithTheSignBitConvertBothWays() {
        int bits = VirFlag.toBits(Set.of(GetAllDomainStatsFlag.ENFORCE_STATS, GetAllDomainStatsFlag.ACTIVE));
        assertThat(bits).isEqualTo(0x80000001);
        assertThat(GetAllDomainStatsFlag.fromBits(bits))
                .containsExactlyInAnyOrder(GetAllDomainStatsFlag.ENFORCE_STATS, GetAllDomainStatsFlag.ACTIVE);
        assertThat(DomainAgentResponseTimeout.fromValue(-2)).isEqualTo(DomainAgentResponseTimeout.BLOCK);
        assertThat(CpuCompareResult.fromValue(2)).isEqualTo(CpuCompareResult.SUPERSET);
        assertThat(DomainAffect.fromBits(3)).containsExactlyInAnyOrder(DomainAffect.LIVE, DomainAffect.CONFIG);
    }
}
