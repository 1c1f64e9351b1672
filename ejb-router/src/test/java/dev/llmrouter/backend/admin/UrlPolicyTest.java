package dev.llmrouter.backend.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    /** A fixed "DNS": unit tests never touch the network; IP literals resolve to themselves. */
    private static final Map<String, String[]> DNS = Map.of(
            "api.openai.com", new String[] {"104.18.7.192"},
            "ollama.example.com", new String[] {"203.0.113.10"},
            "rebind.example.com", new String[] {"203.0.113.11", "169.254.169.254"},
            "intranet.example.com", new String[] {"10.1.2.3"},
            "dual.example.com", new String[] {"198.51.100.7", "2001:db8::7"},
            "localhost", new String[] {"127.0.0.1", "::1"});

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] ips = DNS.get(host);
        if (ips == null) {
            if (host.matches("[0-9a-f.:]+")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[ips.length];
        for (int i = 0; i < ips.length; i++) {
            addresses[i] = InetAddress.getByName(ips[i]);
        }
        return addresses;
    }

    private final UrlPolicy policy = new UrlPolicy(UrlPolicyTest::resolve, false);

    private UrlRejectedException rejected(String url, boolean allowPrivate) {
        return assertThrows(UrlRejectedException.class, () -> policy.check(url, allowPrivate), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.openai.com/v1", "http://ollama.example.com:11434",
            "HTTPS://API.OPENAI.COM/v1", "https://dual.example.com/v1", "http://203.0.113.10:8080",
            "http://[2001:db8::1]:11434"})
    void publicHttpAndHttpsUrlsPass(String url) {
        URI checked = policy.check(url, false);
        assertEquals(url.toLowerCase().substring(0, 4), checked.getScheme().toLowerCase().substring(0, 4));
    }

    @Test
    void aTrailingSlashIsDropped() {
        assertEquals(URI.create("https://api.openai.com/v1"), policy.check("https://api.openai.com/v1/", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.openai.com/", "file:///etc/passwd", "gopher://api.openai.com/",
            "jar:http://api.openai.com/x.jar!/", "api.openai.com/v1", "//api.openai.com/v1", "javascript:alert(1)"})
    void onlyHttpAndHttpsSchemes(String url) {
        assertTrue(rejected(url, true).getMessage().contains("http or https"), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:secret@api.openai.com/v1", "https://token@api.openai.com/v1",
            "http://evil.example@127.0.0.1:11434"})
    void credentialsInTheUrlAreRefused(String url) {
        assertTrue(rejected(url, true).getMessage().contains("credentials"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data", "http://[fd00:ec2::254]/",
            "http://100.100.100.200/", "http://metadata.google.internal/computeMetadata/v1",
            "http://METADATA.GOOGLE.INTERNAL./", "http://metadata/", "http://169.254.170.2/v2/credentials"})
    void metadataServicesAreRefusedEvenWhenPrivateNetworksAreAllowed(String url) {
        assertTrue(rejected(url, true).getMessage().contains("metadata"), url);
        assertThrows(UrlRejectedException.class,
                () -> new UrlPolicy(UrlPolicyTest::resolve, true).check(url, true), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.1.1:11434", "http://[fe80::1]:11434", "http://[febf::1]/"})
    void linkLocalIsRefusedEvenWhenPrivateNetworksAreAllowed(String url) {
        assertTrue(rejected(url, true).getMessage().contains("link-local"), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://0.0.0.0:11434", "http://[::]:11434", "http://0.1.2.3/"})
    void unspecifiedAddressesAreRefused(String url) {
        assertTrue(rejected(url, true).getMessage().contains("unspecified"), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://224.0.0.1/", "http://255.255.255.255/", "http://240.0.0.1/", "http://[ff02::1]/"})
    void multicastAndReservedAreRefused(String url) {
        assertTrue(rejected(url, true).getMessage().contains("reserved"), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:11434", "http://localhost:11434", "http://[::1]:11434",
            "http://10.0.0.5:11434", "http://172.16.3.4/", "http://172.31.255.255/", "http://192.168.1.20:11434",
            "http://100.64.0.1/", "http://[fd12:3456::1]/", "http://[fc00::1]/", "http://intranet.example.com/",
            "http://[::ffff:10.0.0.1]/", "http://[::ffff:127.0.0.1]/"})
    void loopbackAndPrivateNeedThePerBackendPermission(String url) {
        assertTrue(rejected(url, false).getMessage().contains("allow_private_network"), url);
        policy.check(url, true);
    }

    @Test
    void shortNumericFormsAreNeverTakenOnTrust() {
        // Whether "127.1" parses as 127.0.0.1 or goes to DNS, it must not pass as a public host.
        rejected("http://127.1/", false);
        rejected("http://2130706433/", false);
    }

    @Test
    void theDeploymentSwitchAllowsPrivateNetworksForEveryBackend() {
        UrlPolicy relaxed = new UrlPolicy(UrlPolicyTest::resolve, true);

        relaxed.check("http://192.168.1.20:11434", false);
        relaxed.check("http://localhost:11434", false);
        assertThrows(UrlRejectedException.class, () -> relaxed.check("http://169.254.169.254/", false));
    }

    @Test
    void everyResolvedAddressIsChecked() {
        UrlRejectedException e = rejected("http://rebind.example.com/", true);

        assertTrue(e.getMessage().contains("rebind.example.com"), e.getMessage());
        assertTrue(e.getMessage().contains("metadata"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::a9fe:a9fe]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a9fe:a9fe::1]/",
            "http://[::ffff:169.254.169.254]/"})
    void ipv4HiddenInIpv6IsCheckedAsIpv4(String url) {
        assertTrue(rejected(url, true).getMessage().contains("metadata"), url);
    }

    @Test
    void anUnresolvableHostIsRefusedWithItsName() {
        assertTrue(rejected("https://no-such-host.invalid/v1", false).getMessage().contains("no-such-host.invalid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "http://", "http://exa mple.com/", "https://api.openai.com/v1?x=1",
            "https://api.openai.com/v1#frag", "http://under_score.example.com/"})
    void malformedUrlsAreRefused(String url) {
        UrlRejectedException e = rejected(url, true);
        assertEquals("base_url", e.param());
        assertEquals("url_not_allowed", e.code());
    }

    @Test
    void nullIsRefused() {
        assertThrows(UrlRejectedException.class, () -> policy.check(null, true));
    }
}
