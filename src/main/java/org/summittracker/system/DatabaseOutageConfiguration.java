package org.summittracker.system;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.ViewResolver;

import org.summittracker.shared.CoreTurns;

@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfiguration {

	@Bean
	FilterRegistrationBean<DatabaseOutagePage> databaseOutagePage(
			@Qualifier("thymeleafViewResolver") ObjectProvider<ViewResolver> views, ObjectProvider<JsonMapper> json,
			ObjectProvider<DataSource> dataSource) {
		FilterRegistrationBean<DatabaseOutagePage> registration = new FilterRegistrationBean<>(
				new DatabaseOutagePage(views, json, dataSource));
		// Outside everything else, Spring Session's filter (which reads the database)
		// included.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

	@Bean
	FilterRegistrationBean<StaticFilesWithoutSession> staticFilesWithoutSession(
			@Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
		FilterRegistrationBean<StaticFilesWithoutSession> registration = new FilterRegistrationBean<>(
				new StaticFilesWithoutSession(sessionCookie));
		// Before Spring Session's filter, which would look the session up.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * Requests worked on at once: one more than the processors by default, so that one
	 * can wait for the database while the others compute. With 8 connections and a thread
	 * for each, a cached page's p99 was 15 times its p50 on 2 cores; in turns, 3 to 5
	 * (BENCHMARKS.md).
	 */
	@Bean
	FilterRegistrationBean<RequestsInTurn> requestsInTurn(@Value("${summit.requests.at-once:0}") int atOnce) {
		CoreTurns turns = new CoreTurns((atOnce > 0) ? atOnce : Runtime.getRuntime().availableProcessors() + 1);
		FilterRegistrationBean<RequestsInTurn> registration = new FilterRegistrationBean<>(new RequestsInTurn(turns));
		// Inside the outage page (which answers when the database is gone), outside
		// Spring Session's filter and everything else that works.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

}
