package org.summittracker.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import org.summittracker.support.SummitIntegrationTest;

/**
 * A browser journey: the whole application on a random port with the demo summit loaded,
 * and a {@link Reader} (one headless Chromium for the whole run, signed out before each
 * test) for every test method that asks for one. Every class carrying this annotation
 * shares one application context and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// No event is taken as one PDF, so the page offering the other formats is a page type
// (PageTypes); each session's PDF still is.
@SummitIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "summit.demo-data.enabled=true", "summit.minutes.pdf-rows-at-most=0" })
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {

}
