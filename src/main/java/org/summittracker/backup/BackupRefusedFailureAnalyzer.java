package org.summittracker.backup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused import in one sentence, not a stack trace. */
class BackupRefusedFailureAnalyzer extends AbstractFailureAnalyzer<BackupRefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BackupRefusedException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Nothing was imported. Point SPRING_DATASOURCE_URL at a new, empty database and run the import again.",
				cause);
	}

}
