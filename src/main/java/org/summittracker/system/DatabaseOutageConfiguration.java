package org.summittracker.system;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.ViewResolver;

@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfiguration {

	@Bean
	FilterRegistrationBean<DatabaseOutagePage> databaseOutagePage(
			@Qualifier("thymeleafViewResolver") ObjectProvider<ViewResolver> views,
			ObjectProvider<DataSource> dataSource) {
		FilterRegistrationBean<DatabaseOutagePage> registration = new FilterRegistrationBean<>(
				new DatabaseOutagePage(views, dataSource));
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

}
