package org.summittracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import org.summittracker.backup.BackupCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SummitTrackerApplication {

	public static void main(String[] args) {
		if (BackupCommand.handles(args)) {
			System.exit(new BackupCommand(System.out, System.err).run(SummitTrackerApplication.class, args));
		}
		SpringApplication.run(SummitTrackerApplication.class, args);
	}

}
