package org.jvirt.driver.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

import javax.imageio.ImageIO;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.ConnectRequest;
import org.junit.jupiter.api.Test;

/**
 * virDomainScreenshot's picture: libvirt 9.0 streams a PNG file it installs; jvirt draws its own, so the bytes differ
 * and only the MIME type is compared with libvirt (domain-errors.calls). Here: the stream carries a PNG that decodes,
 * and the stream is read-only as libvirt's file stream is.
 */
class ScreenshotTest {
    private static Connect open() {
        return new TestHypervisorDriver().open(new ConnectRequest(URI.create("test:///default"), Set.of(), null,
                null)).orElseThrow();
    }

    private static byte[] drain(LocalStream s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1000];
        int n;
        while ((n = s.recv(buf, 0, buf.length)) > 0) {
            out.write(buf, 0, n);
        }
        s.finish();
        return out.toByteArray();
    }

    @Test
    void streamsAPngThatDecodes() throws IOException {
        Connect c = open();
        Domain d = c.domainLookupByName("test");
        LocalStream s = new LocalStream(c);
        assertThat(d.screenshot(s, 0)).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(drain(s)));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);
        // the first bar is light grey, the last black
        assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0xc0c0c0);
        assertThat(image.getRGB(319, 199) & 0xffffff).isZero();
    }

    @Test
    void theStreamIsReadOnly() {
        Connect c = open();
        LocalStream s = new LocalStream(c);
        c.domainLookupByName("test").screenshot(s, 0);
        assertThatThrownBy(() -> s.send(new byte[] {1}, 0, 1)).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SYSTEM_ERROR);
            assertThat(e.domain()).isEqualTo(ErrorDomain.STREAMS);
            assertThat(e.getMessage()).isEqualTo("cannot write to stream: Bad file descriptor");
        });
    }
}
