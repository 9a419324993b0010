package dev.commonhold.platform.security.servlet;

import dev.commonhold.platform.security.Viewer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Lets a controller take the caller as a {@code Viewer} parameter (from the token, not the request: not in the OpenAPI document). */
@Configuration(proxyBeanMethods = false)
class ViewerWebConfiguration implements WebMvcConfigurer {

    static {
        if (org.springframework.util.ClassUtils.isPresent("org.springdoc.core.utils.SpringDocUtils", ViewerWebConfiguration.class.getClassLoader())) {
            org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
        }
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Viewer.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                          WebDataBinderFactory binders) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication instanceof JwtAuthenticationToken jwt) {
                    return Viewer.from(jwt.getToken());
                }
                throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("no bearer token");
            }
        });
    }
}
