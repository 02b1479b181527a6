package org.summittracker.backup;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.summittracker.account.Actor;
import org.summittracker.account.CurrentActor;
import org.summittracker.audit.AuditableChange;

/** Administrators download a backup of everything (/admin is theirs alone). */
@Controller
class BackupController {

	private final Backup backup;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BackupController(Backup backup, ApplicationEventPublisher events, Clock clock) {
		this.backup = backup;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping("/admin/backup")
	String page() {
		return "backup/page";
	}

	@PostMapping("/admin/backup")
	void download(@CurrentActor Actor actor,
			@RequestParam(name = "passwordHashes", defaultValue = "false") boolean passwordHashes,
			HttpServletResponse response) throws IOException {
		this.events.publishEvent(new AuditableChange(actor.username(), "BACKUP_EXPORTED", "Backup", null, null,
				"Downloaded a backup of everything, " + (passwordHashes ? "with" : "without") + " password hashes"));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("summit-tracker-backup-" + LocalDate.now(this.clock) + ".json")
					.build()
					.toString());
		this.backup.export(response.getOutputStream(), passwordHashes);
	}

}
