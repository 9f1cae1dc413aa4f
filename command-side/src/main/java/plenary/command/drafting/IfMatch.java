package plenary.command.drafting;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The draft version a sender last saw, from its {@code If-Match} header ({@code "12"}, {@code W/"12"} or 12); null
 * when the header is absent. A command handler method takes it as a parameter, and {@link Resolver} reads it, so
 * that the header is parsed in one place and refused in one way.
 */
record IfMatch(Long version) {

    static final IfMatch ABSENT = new IfMatch(null);

    static IfMatch of(String header) {
        if (header == null) {
            return ABSENT;
        }
        String v = header.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            long version = Long.parseLong(v);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return new IfMatch(version);
        } catch (NumberFormatException e) {
            throw new Refusal.Invalid("If-Match must carry a draft version, e.g. \"12\"");
        }
    }

    @Component
    static class Resolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == IfMatch.class;
        }

        @Override
        public IfMatch resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                       NativeWebRequest request, WebDataBinderFactory binders) {
            return IfMatch.of(request.getHeader("If-Match"));
        }

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(this);
        }
    }
}
