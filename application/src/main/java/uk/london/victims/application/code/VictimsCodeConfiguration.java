package uk.london.victims.application.code;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.VictimsCode;

/** The Code's editions from their rule sets, and the engine that judges cases by them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VictimsCodeConfiguration.RuleSets.class)
public class VictimsCodeConfiguration {

    /**
     * @param locations      where the rule sets are: each matching JSON file is one edition
     * @param localStandards this force's own limits for the rules that are local service standards (a JSON file,
     *                       e.g. {@code file:/etc/vjt/local-standards.json}); unset keeps the shipped defaults
     */
    @ConfigurationProperties("vjt.code")
    public record RuleSets(@DefaultValue("classpath*:victims-code/*.json") List<String> locations, String localStandards) {
    }

    @Bean
    VictimsCode victimsCode(RuleSets ruleSets) {
        return VictimsCodeLoader.load(ruleSets.locations(), ruleSets.localStandards());
    }

    @Bean
    ObligationEvaluator obligationEvaluator(VictimsCode code, CalendarSource calendar) {
        return new ObligationEvaluator(code, calendar::current);
    }
}
