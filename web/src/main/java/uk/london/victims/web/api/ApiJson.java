package uk.london.victims.web.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.Module;

import uk.london.victims.application.axon.JsonSerialization;

/** The API speaks the same JSON for ids as the store keeps: plain strings. */
@Configuration(proxyBeanMethods = false)
class ApiJson {

    @Bean
    Module typedIds() {
        return JsonSerialization.typedIds();
    }
}
