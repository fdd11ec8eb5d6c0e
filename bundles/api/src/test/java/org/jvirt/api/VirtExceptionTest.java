package org.jvirt.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VirtExceptionTest {

    @Test
    void buildsLibvirtsMessageFromCodeAndDetail() {
        VirtException e = new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain with matching name 'x'");
        assertThat(e.getMessage()).isEqualTo("Domain not found: no domain with matching name 'x'");
        assertThat(e.code().value()).isEqualTo(42);
        assertThat(e.domain().value()).isEqualTo(12);
    }

    @Test
    void usesTheBareTextWithoutDetail() {
        assertThat(VirtException.noSupport().getMessage())
                .isEqualTo("this function is not supported by the connection driver");
        assertThat(VirtException.noSupport("virDomainSuspend").getMessage())
                .isEqualTo("this function is not supported by the connection driver: virDomainSuspend");
        assertThat(new VirtException(ErrorCode.NO_CONNECT, null, "foo:///bar").getMessage())
                .isEqualTo("no connection driver available for foo:///bar");
    }

    @Test
    void keepsAReceivedMessageVerbatim() {
        VirtException e = VirtException.withMessage(ErrorCode.RPC, ErrorDomain.REMOTE, "cannot recv data");
        assertThat(e.getMessage()).isEqualTo("cannot recv data");
        assertThat(e.code()).isEqualTo(ErrorCode.RPC);
    }

    @Test
    void enumsCarryLibvirtsNumbers() {
        assertThat(ErrorCode.fromValue(55)).isEqualTo(ErrorCode.OPERATION_INVALID);
        assertThat(DomainState.fromValue(5)).isEqualTo(DomainState.SHUTOFF);
        assertThat(ErrorCode.fromValue(10_000)).isNull();
        assertThat(VirFlag.toBits(ListDomainsFlag.fromBits(3))).isEqualTo(3);
        assertThat(VirFlag.unknownBits(DomainXMLFlag.class, 0x10 | 0x2)).isEqualTo(0x10);
    }

    @Test
    void parsesUuidsAsLibvirtDoes() {
        assertThat(Uuids.parse("6695eb01f6a4830479aa97f2502e193f").toString())
                .isEqualTo("6695eb01-f6a4-8304-79aa-97f2502e193f");
        assertThat(Uuids.parse(" 6695eb01-f6a4-8304-79aa-97f2502e193f ").toString())
                .isEqualTo("6695eb01-f6a4-8304-79aa-97f2502e193f");
        assertThat(Uuids.isValid("6695eb01-f6a4-8304-79aa-97f2502e193")).isFalse();
        assertThat(Uuids.isValid("6695eb01-f6a4-8304-79aa-97f2502e193fa")).isFalse();
        assertThat(Uuids.isValid("zz95eb01-f6a4-8304-79aa-97f2502e193f")).isFalse();
    }

    @Test
    void reasonsAndDetailsMapToTheirEnums() {
        assertThat(new DomainStateInfo(DomainState.SHUTOFF, 2).reasonConstant()).isEqualTo(ShutoffReason.DESTROYED);
        assertThat(new DomainStateInfo(DomainState.RUNNING, 1).reasonConstant()).isEqualTo(RunningReason.BOOTED);
    }
}
