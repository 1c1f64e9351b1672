package dev.llmrouter.backend.admin;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Which backend URLs an administrator may set, so that the router cannot be turned into a proxy for
 * cloud metadata services or the internal network (server-side request forgery). Plain http or https,
 * no credentials in the URL, and every address the host resolves to must be public; loopback and
 * private ranges pass only when explicitly allowed (a local Ollama host). Link-local, metadata,
 * unspecified, multicast and reserved addresses never pass.
 *
 * <p>The check runs when the URL is set. A host whose DNS later changes its answer is not re-checked
 * on every call; administrators are trusted to name hosts they control.
 */
public final class UrlPolicy {

    /** Resolves a host name to every address it has; a seam for tests, which must not need DNS. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Host names of cloud metadata services (GCP, Azure/AWS aliases, Alibaba, Oracle). */
    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog",
            "metadata", "instance-data", "instance-data.ec2.internal", "metadata.azure.internal");

    /** AWS/GCP/Azure/Oracle (169.254.169.254), AWS IPv6 (fd00:ec2::254), Alibaba (100.100.100.200). */
    private static final Set<InetAddress> METADATA_ADDRESSES = Set.of(
            literal("169.254.169.254"), literal("fd00:ec2:0:0:0:0:0:254"), literal("100.100.100.200"),
            literal("169.254.170.2"));

    private final Resolver resolver;
    private final boolean privateNetworksAllowed;

    /**
     * @param privateNetworksAllowed the deployment-wide switch that lets every backend use loopback and
     *                               private addresses (a single-host installation); off by default
     */
    public UrlPolicy(Resolver resolver, boolean privateNetworksAllowed) {
        this.resolver = resolver;
        this.privateNetworksAllowed = privateNetworksAllowed;
    }

    public static UrlPolicy withSystemResolver(boolean privateNetworksAllowed) {
        return new UrlPolicy(InetAddress::getAllByName, privateNetworksAllowed);
    }

    /**
     * @param allowPrivateNetwork this backend's own permission for loopback and private addresses
     * @return the URL, normalised (no trailing slash)
     * @throws UrlRejectedException saying which rule the URL breaks
     */
    public URI check(String url, boolean allowPrivateNetwork) {
        URI uri = parse(url);
        String host = hostOf(uri);
        if (METADATA_HOSTS.contains(host)) {
            throw new UrlRejectedException("base_url host " + host + " is a cloud metadata service");
        }
        boolean privateAllowed = allowPrivateNetwork || privateNetworksAllowed;
        for (InetAddress address : resolve(host)) {
            checkAddress(host, address, privateAllowed);
        }
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new UrlRejectedException("base_url is required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new UrlRejectedException("base_url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UrlRejectedException("base_url must use http or https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UrlRejectedException("base_url must not contain credentials (user:password@); "
                    + "use api_key_ref for a key");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new UrlRejectedException("base_url must not have a query or fragment");
        }
        if (uri.getHost() == null) {
            throw new UrlRejectedException("base_url needs a host name or IP address");
        }
        return uri;
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        // "metadata.google.internal." is the same name as "metadata.google.internal".
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private InetAddress[] resolve(String host) {
        try {
            InetAddress[] addresses = resolver.resolve(host);
            if (addresses == null || addresses.length == 0) {
                throw new UnknownHostException(host);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new UrlRejectedException("base_url host " + host + " cannot be resolved");
        }
    }

    private static void checkAddress(String host, InetAddress address, boolean privateAllowed) {
        InetAddress effective = embeddedIpv4(address);
        String where = "base_url host " + host + (host.equals(effective.getHostAddress()) ? "" : " (" + effective.getHostAddress() + ")");
        if (METADATA_ADDRESSES.contains(address) || METADATA_ADDRESSES.contains(effective)) {
            throw new UrlRejectedException(where + " is a cloud metadata address");
        }
        if (effective.isAnyLocalAddress() || isThisNetwork(effective)) {
            throw new UrlRejectedException(where + " is an unspecified address (0.0.0.0 or ::)");
        }
        if (effective.isLinkLocalAddress()) {
            throw new UrlRejectedException(where + " is link-local (169.254.0.0/16, fe80::/10)");
        }
        if (effective.isMulticastAddress() || isReserved(effective)) {
            throw new UrlRejectedException(where + " is a multicast, broadcast or reserved address");
        }
        if (!privateAllowed && (effective.isLoopbackAddress() || isPrivate(effective))) {
            throw new UrlRejectedException(where + " is a loopback or private-network address; set "
                    + "allow_private_network for this backend (e.g. a local Ollama host) to allow it");
        }
    }

    /** 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7, fec0::/10. */
    private static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isSiteLocalAddress()) {
            return true;
        }
        if (address instanceof Inet4Address) {
            return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        }
        return (b[0] & 0xfe) == 0xfc;
    }

    /** 0.0.0.0/8: "this network", which some stacks route to the local host. */
    private static boolean isThisNetwork(InetAddress address) {
        return address instanceof Inet4Address && address.getAddress()[0] == 0;
    }

    /** 240.0.0.0/4 and the broadcast address: never a real server. */
    private static boolean isReserved(InetAddress address) {
        return address instanceof Inet4Address && (address.getAddress()[0] & 0xf0) == 0xf0;
    }

    /**
     * The IPv4 address inside an IPv6 one that carries it (IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96,
     * 6to4 2002::/16); Java already turns IPv4-mapped ::ffff:a.b.c.d into IPv4. Otherwise the address itself.
     */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        byte[] v4 = null;
        if (allZero(b, 0, 12) && !allZero(b, 12, 15)) {
            v4 = Arrays.copyOfRange(b, 12, 16);
        } else if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12)) {
            v4 = Arrays.copyOfRange(b, 12, 16);
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            v4 = Arrays.copyOfRange(b, 2, 6);
        }
        if (v4 == null) {
            return address;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an IP literal: " + ip, e);
        }
    }
}
