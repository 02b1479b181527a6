package org.summittracker.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	static DatabaseBootstrap databaseBootstrap(
			@Value("${summit.database.create-if-missing:true}") boolean createIfMissing) {
		return new DatabaseBootstrap(createIfMissing);
	}

}
