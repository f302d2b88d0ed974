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
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves a {@link Recorder} parameter: the authenticated user (never a name sent in the request) and the
 * {@code X-Correlation-Id} header; documents that header (not the parameter) in the OpenAPI description of every write.
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
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user.getName() == null) {
            throw new InsufficientAuthenticationException("A write needs an authenticated user");
        }
        return new Recorder(user.getName(), request.getHeader(Recording.CORRELATION_HEADER));
    }

    @Bean
    OperationCustomizer recordingHeaders() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(this::supportsParameter)) {
                operation.addParametersItem(new HeaderParameter().name(Recording.CORRELATION_HEADER).required(false)
                        .description("Correlates the events this request records; generated when absent")
                        .schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name(IdempotentRequests.HEADER).required(false)
                        .description("Makes a retry safe: the same key with the same request answers the first "
                                + "success again and records nothing new; with another request, 422 "
                                + IdempotentRequests.REUSED)
                        .schema(new StringSchema().minLength(1).maxLength(255)));
            }
            return operation;
        };
    }
}
