package org.commissioning.tracker.command.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Resolves a {@link Recorder} parameter from the {@code X-Recorded-By} and {@code X-Correlation-Id} headers. */
@Configuration(proxyBeanMethods = false)
class RecorderResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

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
}
