package uk.london.victims.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import uk.london.victims.application.store.BlankStoreUriCheck;
import uk.london.victims.application.store.StoreProperties;

/** Which tokens the service accepts in which setting, decided at start-up; nothing here connects anywhere. */
class TokenConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StoreProperties.class)
    static class Store {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Store.class, TokenConfiguration.class, DemoTokenController.class)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void onTheEmbeddedStoreWithNoIdentityProviderTheServiceIssuesDemoTokens() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DemoTokens.class).hasSingleBean(DemoTokenController.class);
            DemoTokens demo = context.getBean(DemoTokens.class);
            String token = demo.sign(demo.claims(AgencyRole.POLICE_OFFICER, "PC-1", "MPS-CW", "CW", null));
            assertThat(context.getBean(ReactiveJwtDecoder.class).decode(token).block().getSubject()).isEqualTo("PC-1");
        });
    }

    @Test
    void aConfiguredJwkSetTurnsDemoTokensOffEvenOnTheEmbeddedStore() {
        runner.withPropertyValues("vjt.security.jwk-set-uri=https://idp.example/jwks").run(context -> assertThat(context)
                .hasNotFailed().doesNotHaveBean(DemoTokens.class).doesNotHaveBean(DemoTokenController.class)
                .hasSingleBean(ReactiveJwtDecoder.class));
    }

    @Test
    void onMongoDbAnIssuerIsUsedAndDemoTokensDoNotExist() {
        runner.withPropertyValues("vjt.store.uri=mongodb://db1:27017/?replicaSet=rs0",
                        "vjt.security.issuer-uri=https://idp.example/realms/met")
              .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoTokens.class)
                      .doesNotHaveBean(DemoTokenController.class).hasSingleBean(ReactiveJwtDecoder.class));
    }

    @Test
    void onMongoDbWithNoIdentityProviderTheServiceRefusesToStartBeforeAnyBeanConnects() {
        runner.withPropertyValues("vjt.store.uri=mongodb://db1:27017/?replicaSet=rs0")
              .withBean("connectsToMongoDb", String.class, () -> {
                  throw new IllegalStateException("timed out connecting to db1:27017");
              })
              .run(context -> {
                  assertThat(context).hasFailed();
                  assertThat(context.getStartupFailure())
                          .isInstanceOf(AgencyApiAuthenticationMissingException.class)
                          .hasMessageContaining("VJT_JWT_ISSUER_URI");
                  FailureAnalysis analysis = new AgencyApiAuthenticationFailureAnalyzer().analyze(context.getStartupFailure());
                  assertThat(analysis.getDescription()).contains("no token issuer configured and demo mode is off");
                  assertThat(analysis.getAction()).contains("VJT_JWT_ISSUER_URI", "VJT_JWT_JWK_SET_URI", "unset MONGODB_URI", "VJT_DEMO=true");
              });
    }

    @Test
    void demoModeOffOnTheEmbeddedStoreIssuesNoDemoTokensAndWithNoIdentityProviderRefusesToStart() {
        runner.withPropertyValues("vjt.demo.enabled=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(AgencyApiAuthenticationMissingException.class)
                    .hasMessageContaining("demo mode is off");
        });
        runner.withPropertyValues("vjt.demo.enabled=false", "vjt.security.jwk-set-uri=https://idp.example/jwks")
              .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoTokens.class)
                      .doesNotHaveBean(DemoTokenController.class));
    }

    @Test
    void demoModeTurnedOnExplicitlyWorksWithoutAnIdentityProviderButNeverBesideOne() {
        runner.withPropertyValues("vjt.demo.enabled=true", "vjt.store.uri=mongodb://db1:27017/?replicaSet=rs0")
              .run(context -> assertThat(context).hasNotFailed().hasSingleBean(DemoTokens.class));
        runner.withPropertyValues("vjt.demo.enabled=true", "vjt.security.issuer-uri=https://idp.example/realms/met")
              .run(context -> assertThat(context.getStartupFailure()).rootCause()
                      .isInstanceOf(AgencyApiAuthenticationMissingException.class)
                      .hasMessageContaining("VJT_DEMO=true with an identity provider"));
    }

    @Test
    void aBlankMongoDbUriIsAConfigurationErrorNotARequestForTheEmbeddedStore() {
        org.springframework.mock.env.MockEnvironment blank = new org.springframework.mock.env.MockEnvironment().withProperty("MONGODB_URI", " ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BlankStoreUriCheck().postProcessEnvironment(blank, null))
                .isInstanceOf(BlankStoreUriCheck.BlankStoreUriException.class).hasMessageContaining("MONGODB_URI is set but blank");
        FailureAnalysis analysis = new BlankStoreUriCheck.Analyzer().analyze(new BlankStoreUriCheck.BlankStoreUriException());
        assertThat(analysis.getAction()).contains("remove the variable");
        new BlankStoreUriCheck().postProcessEnvironment(new org.springframework.mock.env.MockEnvironment(), null);
        new BlankStoreUriCheck().postProcessEnvironment(new org.springframework.mock.env.MockEnvironment()
                .withProperty("MONGODB_URI", "mongodb://db1:27017"), null);
    }

    @Test
    void aBlankAudienceIsRefused() {
        runner.withPropertyValues("vjt.security.audience= ").run(context -> assertThat(context.getStartupFailure())
                .rootCause().hasMessageContaining("VJT_JWT_AUDIENCE"));
    }
}
