package uk.london.victims.web.pages;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Serves GOV.UK Frontend straight from its WebJar, so the build needs only a JDK. Its CSS refers to
 * fonts and images at absolute {@code /assets/...} URLs, hence that mapping.
 */
@Configuration(proxyBeanMethods = false)
class PageResources implements WebFluxConfigurer {

    static final String GOVUK_FRONTEND = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl aDay = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK_FRONTEND + "assets/").setCacheControl(aDay);
        // One segment only: the stylesheet and script, not the component sources below them.
        registry.addResourceHandler("/govuk/*").addResourceLocations(GOVUK_FRONTEND).setCacheControl(aDay);
        registry.addResourceHandler("/static/**").addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache());
    }
}
