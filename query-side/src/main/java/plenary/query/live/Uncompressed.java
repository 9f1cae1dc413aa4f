package plenary.query.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerEndpointConfig;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * Declines every WebSocket extension a client offers, permessage-deflate above all: it would compress each frame
 * again for each connection, so a change to 1,000 clients would be compressed 1,000 times, and the live messages
 * are small already. Declining them in Spring ({@link #filterRequestedExtensions}) is not enough on Tomcat, which
 * negotiates its own built-in extensions whenever the list it is given is empty; so the request that the container
 * upgrades carries no offer at all.
 */
final class Uncompressed extends DefaultHandshakeHandler {

    static final String EXTENSIONS = "Sec-WebSocket-Extensions";

    Uncompressed() {
        super(new StandardWebSocketUpgradeStrategy() {
            @Override
            protected void upgradeHttpToWebSocket(HttpServletRequest request, HttpServletResponse response,
                                                  ServerEndpointConfig endpoint, Map<String, String> pathParams)
                    throws Exception {
                super.upgradeHttpToWebSocket(withoutOffer(request), response, endpoint, pathParams);
            }
        });
    }

    @Override
    protected List<WebSocketExtension> filterRequestedExtensions(ServerHttpRequest request,
                                                                 List<WebSocketExtension> requested,
                                                                 List<WebSocketExtension> supported) {
        return List.of();
    }

    private static HttpServletRequest withoutOffer(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(header -> !EXTENSIONS.equalsIgnoreCase(header)).toList());
            }
        };
    }
}
