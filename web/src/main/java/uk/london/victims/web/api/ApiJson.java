package uk.london.victims.web.api;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;

import uk.london.victims.application.axon.JsonSerialization;

/** The API speaks the same JSON for ids as the store keeps: plain strings; and writes instants without a formatter. */
@Configuration(proxyBeanMethods = false)
class ApiJson {

    @Bean
    Module typedIds() {
        return JsonSerialization.typedIds();
    }

    @Bean
    Module instants() {
        return new SimpleModule("instants").addSerializer(Instant.class, new InstantJson());
    }
}
