package org.summittracker.backup;

/**
 * A backup that cannot be made or loaded, saying why in one sentence (a database that is
 * not empty, a file of another format or a newer schema); nothing was changed.
 */
class BackupRefusedException extends RuntimeException {

	BackupRefusedException(String message) {
		super(message);
	}

	BackupRefusedException(String message, Throwable cause) {
		super(message, cause);
	}

}
