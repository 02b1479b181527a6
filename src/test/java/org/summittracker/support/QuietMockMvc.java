package org.summittracker.support;

import org.springframework.test.web.servlet.DispatcherServletCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A MockMvc like the one {@link SummitIntegrationTest} brings (every filter, every
 * customizer), but that keeps no copy of what it sends and receives to print when a test
 * fails: for tests that send thousands of requests, some of them 100,000 characters long.
 */
public final class QuietMockMvc {

	private QuietMockMvc() {
	}

	public static MockMvc of(WebApplicationContext context) {
		DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
		context.getBeanProvider(DispatcherServletCustomizer.class)
			.orderedStream()
			.forEach(builder::addDispatcherServletCustomizer);
		SpringBootMockMvcBuilderCustomizer boot = new SpringBootMockMvcBuilderCustomizer(context);
		boot.setAddFilters(true);
		boot.setPrint(MockMvcPrint.NONE);
		boot.customize(builder);
		context.getBeanProvider(MockMvcBuilderCustomizer.class)
			.orderedStream()
			.filter((customizer) -> !(customizer instanceof SpringBootMockMvcBuilderCustomizer))
			.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
