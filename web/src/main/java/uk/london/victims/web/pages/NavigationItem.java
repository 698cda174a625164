package uk.london.victims.web.pages;

/** One link in the service navigation; {@code current} marks the page being shown. */
public record NavigationItem(String text, String href, boolean current) {
}
