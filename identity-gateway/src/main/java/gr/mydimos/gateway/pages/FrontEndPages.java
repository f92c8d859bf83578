package gr.mydimos.gateway.pages;

import gr.mydimos.gateway.GatewayConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The citizen portal's pages, from the same origin as the API (no CORS, and the sign-in cookie stays first-party):
 * its built files (Vite's output) under {@code gateway.portal-dir}, and {@code index.html} for any other page address
 * the portal's router knows. Every page carries a strict Content-Security-Policy: script, style, fonts and calls only
 * from this origin, never in a frame.
 */
@ApplicationScoped
public class FrontEndPages {

    private static final Logger LOG = Logger.getLogger(FrontEndPages.class);
    /**
     * Script, style, fonts and calls only from this origin, never in a frame. Forms post here only — and to Keycloak,
     * where signing out (a form posted to the gateway) is sent on: the browser holds a form's redirects to this too.
     */
    static String csp(URI keycloak) {
        String signIn = keycloak.getScheme() + "://" + keycloak.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' " + signIn + "; "
                + "frame-ancestors 'none'";
    }

    void routes(@Observes Router router, GatewayConfig config, @ConfigProperty(name = "keycloak.url") URI keycloak) {
        String csp = csp(keycloak);
        // the back office under /office/ first, so that the portal's own addresses (everything else) do not take it
        serve(router, "/office/", config.backofficeDir(), csp, 8, "back office");
        serve(router, "/", config.portalDir(), csp, 10, "portal");
    }

    /**
     * One front end's built files under its address prefix, and its index page for any other address under it that
     * its router knows. The files' names in the build are relative to the prefix (Vite's {@code base}).
     */
    private static void serve(Router router, String prefix, Optional<String> dir, String csp, int order, String name) {
        if (dir.isEmpty() || !Files.isRegularFile(Path.of(dir.get(), "index.html"))) {
            LOG.infof("no %s pages to serve (%s unset or without index.html)", name, dir.orElse("its directory"));
            return;
        }
        Path root = Path.of(dir.get()).toAbsolutePath().normalize();
        StaticHandler files = StaticHandler.create(FileSystemAccess.ROOT, root.toString())
                .setIndexPage("index.html").setDefaultContentEncoding("UTF-8").setIncludeHidden(false)
                .setDirectoryListing(false);
        if (!prefix.equals("/")) {
            String bare = prefix.substring(0, prefix.length() - 1);
            // Vert.x matches /office/ to this route too: only the address without the slash is sent on to it
            router.route(bare).method(HttpMethod.GET).method(HttpMethod.HEAD).order(order).handler(context -> {
                if (context.request().path().equals(bare)) {
                    context.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, prefix).end();
                } else {
                    context.next();
                }
            });
        }
        router.route(prefix + "*").method(HttpMethod.GET).method(HttpMethod.HEAD).order(order).handler(context -> {
            String path = context.normalizedPath();
            if (!path.startsWith(prefix) || path.startsWith("/api/") || path.equals("/api") || path.startsWith("/q/")
                    || path.startsWith("/auth/")) {
                context.next();
                return;
            }
            String file = path.substring(prefix.length() - 1);
            secured(context, csp);
            // hashed file names: a file never changes under its name, so one that exists is kept for a year; a missing
            // one (a page of a newer build asked an older gateway) must not be, nor the page itself
            context.response().putHeader(HttpHeaders.CACHE_CONTROL, !file.startsWith("/assets/") ? "no-cache"
                    : exists(root, file) ? "public, max-age=31536000, immutable" : "no-store");
            if (!compressed(context, root, file.equals("/") ? "/index.html" : file)) {
                files.handle(context);
            }
        });
        // an address of the front end's own router (/municipalities/thessaloniki): the page that runs it
        router.route(prefix + "*").method(HttpMethod.GET).method(HttpMethod.HEAD).order(order + 1).handler(context -> {
            String path = context.normalizedPath();
            String file = path.startsWith(prefix) ? path.substring(prefix.length() - 1) : path;
            if (!path.startsWith(prefix) || path.startsWith("/api/") || path.startsWith("/q/") || path.startsWith("/auth/")
                    || file.startsWith("/assets/") || path.contains(".")) {
                context.next();
                return;
            }
            context.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            if (!compressed(context, root, "/index.html")) {
                context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                        .sendFile(root.resolve("index.html").toString());
            }
        });
        LOG.infof("serving the %s's pages at %s from %s", name, prefix, root);
    }

    /**
     * Sends the build's Brotli or gzip copy of a text file (scripts/precompress.mjs) when the browser takes it: the
     * whole first load of the portal is then a fraction of its size, at no CPU cost per request.
     */
    private static boolean compressed(RoutingContext context, Path root, String path) {
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        String accepted = context.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (type == null || accepted == null || path.contains("..")) {
            return false;
        }
        for (String encoding : new String[] {"br", "gzip"}) {
            Path file = root.resolve(path.substring(1) + (encoding.equals("br") ? ".br" : ".gz")).normalize();
            if (accepts(accepted, encoding) && file.startsWith(root) && Files.isRegularFile(file)) {
                context.response().putHeader(HttpHeaders.CONTENT_TYPE, type).putHeader(HttpHeaders.CONTENT_ENCODING, encoding);
                context.response().headers().add(HttpHeaders.VARY, "Accept-Encoding");
                context.response().sendFile(file.toString());
                return true;
            }
        }
        return false;
    }

    /** Whether Accept-Encoding names the coding without refusing it ({@code br;q=0}). */
    static boolean accepts(String acceptEncoding, String encoding) {
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.trim().split(";");
            if (coding[0].trim().equalsIgnoreCase(encoding)) {
                for (int i = 1; i < coding.length; i++) {
                    String parameter = coding[i].trim();
                    if (parameter.startsWith("q=") && weight(parameter.substring(2)) == 0) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static double weight(String q) {
        try {
            return Double.parseDouble(q.trim());
        } catch (NumberFormatException e) {
            return 1; // unreadable: as if not given
        }
    }

    private static boolean exists(Path root, String path) {
        Path file = root.resolve(path.substring(1)).normalize();
        return file.startsWith(root) && Files.isRegularFile(file);
    }

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8", "css", "text/css; charset=UTF-8", "svg", "image/svg+xml",
            "json", "application/json");

    private static void secured(RoutingContext context, String csp) {
        context.response().putHeader("Content-Security-Policy", csp).putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin").putHeader("X-Frame-Options", "DENY");
    }
}
