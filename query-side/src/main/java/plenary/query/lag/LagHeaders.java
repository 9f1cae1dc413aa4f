package plenary.query.lag;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;

/**
 * Every read of a draft says where its record stands ({@code Plenary-Record-Version}) and, when the read model has
 * not caught up with it, by how many events it lags ({@code Plenary-Behind}): an answer is never silently older
 * than the record.
 */
@Configuration
class LagHeaders implements WebMvcConfigurer {

    static final String RECORD_VERSION = "Plenary-Record-Version";
    static final String BEHIND = "Plenary-Behind";

    private final Lag lag;

    LagHeaders(Lag lag) {
        this.lag = lag;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
                Object draftId = variables instanceof Map<?, ?> map ? map.get("draftId") : null;
                if (draftId != null) {
                    Lag.State state = lag.of(draftId.toString());
                    if (state.record() > 0) {
                        response.setHeader(RECORD_VERSION, String.valueOf(state.record()));
                        if (state.behind() > 0) {
                            response.setHeader(BEHIND, String.valueOf(state.behind()));
                        }
                    }
                }
                return true;
            }
        }).addPathPatterns("/api/drafts/*", "/api/drafts/*/**");
    }
}
