package uk.london.victims.domain.cases;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a rejection by its stable code, which is what API clients see in the problem's type. */
final class CaseRuleMatchers {

    private CaseRuleMatchers() {
    }

    static Matcher<Object> withCode(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof CaseRuleViolationException e && e.code().equals(code);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a case rule violation with code ").appendValue(code);
            }
        };
    }
}
