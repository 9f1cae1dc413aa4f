package plenary.command.input;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import plenary.access.BodyLimit;
import plenary.access.Problems;

import java.util.List;

/**
 * The limits and field rules, applied where requests come in: bodies by size before anything reads them, and every
 * JSON field as it is read. Axon's own serializer is left alone: stored events are read as they were written.
 */
@Configuration
@EnableConfigurationProperties(Limits.class)
class InputConfig implements WebMvcConfigurer {

    private final Limits limits;

    InputConfig(Limits limits) {
        this.limits = limits;
    }

    @Bean
    FilterRegistrationBean<BodyLimit> bodyLimit(Problems problems) {
        FilterRegistrationBean<BodyLimit> registration = new FilterRegistrationBean<>(new BodyLimit(problems,
                type -> type != null && type.toLowerCase().startsWith("text/markdown")
                        ? limits.textBody().toBytes() : limits.jsonBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                ObjectMapper checked = json.getObjectMapper().copy().registerModule(new FieldRules(limits));
                // a command is a flat object: nothing real nests deeper than this
                checked.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                        .maxStringLength((int) limits.jsonBody().toBytes()).build());
                json.setObjectMapper(checked);
            }
        }
    }
}
