package org.summittracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SummitTrackerApplication {

	public static void main(String[] args) {
		SpringApplication.run(SummitTrackerApplication.class, args);
	}

}
