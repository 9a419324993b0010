package dev.commonhold.platform.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.env.PropertiesPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The service defaults every platform module contributes in META-INF/commonhold-defaults.properties,
 * at the lowest precedence: a service's own configuration or the environment always wins.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Properties defaults = new Properties();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:META-INF/commonhold-defaults.properties")) {
                PropertiesLoaderUtils.fillProperties(defaults, resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read platform defaults", e);
        }
        environment.getPropertySources().addLast(new PropertiesPropertySource("commonhold-platform-defaults", defaults));
    }
}
