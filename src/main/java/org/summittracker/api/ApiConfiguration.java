package org.summittracker.api;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.summittracker.shared.ProblemWriter;

/**
 * Puts {@link Idempotency} on the API's addresses, after Spring Security's filters (it
 * needs the request's token).
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	@Bean
	FilterRegistrationBean<Idempotency> idempotency(JdbcClient jdbc, Clock clock, JsonMapper json) {
		FilterRegistrationBean<Idempotency> registration = new FilterRegistrationBean<>(
				new Idempotency(jdbc, clock, new ProblemWriter(json)));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
		return registration;
	}

}
