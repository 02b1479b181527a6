package org.summittracker.system;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	static DatabaseBootstrap databaseBootstrap(
			@Value("${summit.database.create-if-missing:true}") boolean createIfMissing,
			@Value("${summit.database.embedded.enabled:true}") boolean embedded,
			@Value("${summit.database.embedded.directory:${user.home}/.summit-tracker/postgres}") String directory,
			@Value("${summit.database.embedded.port:0}") int port) {
		return new DatabaseBootstrap(createIfMissing,
				new DatabaseBootstrap.Embedded(embedded, DatabaseBootstrap.DEFAULT_URL, Path.of(directory), port));
	}

}
