package org.commissioning.tracker.command.web;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves a {@link Recorder} parameter from the {@code X-Recorded-By} and {@code X-Correlation-Id} headers, and
 * documents those headers (not the parameter) in the OpenAPI description of every write.
 */
@Configuration(proxyBeanMethods = false)
class RecorderResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Recorder.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Recorder.class;
    }

    @Override
    public Recorder resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                    NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return new Recorder(request.getHeader(Recording.RECORDED_BY_HEADER), request.getHeader(Recording.CORRELATION_HEADER));
    }

    @Bean
    OperationCustomizer recordingHeaders() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(this::supportsParameter)) {
                operation.addParametersItem(new HeaderParameter().name(Recording.RECORDED_BY_HEADER).required(false)
                        .description("Who records this change (until authentication arrives)").schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name(Recording.CORRELATION_HEADER).required(false)
                        .description("Correlates the events this request records; generated when absent")
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }
}
