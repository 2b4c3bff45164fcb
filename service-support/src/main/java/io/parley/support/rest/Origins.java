package io.parley.support.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Web origins as browsers compare them, for checking URLs against configured blog origins. */
public final class Origins {

    private Origins() {
    }

    /**
     * {@code scheme://host[:port]} of an absolute http(s) URL, lower-cased, default port dropped;
     * empty for anything else, including URLs with user info.
     */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank() || url.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
