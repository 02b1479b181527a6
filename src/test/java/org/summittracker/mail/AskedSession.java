package org.summittracker.mail;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import org.summittracker.support.Fixture;

/**
 * A session to ask for buy-in about: its main proposal affects five subsystems, the first
 * maintained by two people who took no position (those asked), the others by nobody.
 *
 * @param url the session's page
 * @param key its main proposal's key
 * @param subsystem the slug of the subsystem the two maintain
 * @param maintainer the handle of the first maintainer asked
 * @param second the handle of the second
 */
record AskedSession(String url, String key, String subsystem, String maintainer, String second) {

	/** A new session named {@code name} (unique), with its two maintainers to ask. */
	static AskedSession of(Fixture fixture, JdbcTemplate jdbc, String name) {
		String url = fixture.session(name, 0, 0, 0);
		String key = name + "-session";
		String subsystem = name + "-session-s0";
		String maintainer = fixture.person("asked");
		String second = fixture.person("co");
		for (String handle : List.of(maintainer, second)) {
			jdbc.update(
					"insert into maintainership (person_id, subsystem_id, role) "
							+ "select ?, id, 'MAINTAINER' from subsystem where slug = ?",
					fixture.personId(handle), subsystem);
		}
		// Only the two maintainers asked here maintain the session's subsystems.
		jdbc.update("delete from maintainership where person_id = ?", fixture.personId(key + "-p0"));
		return new AskedSession(url, key, subsystem, maintainer, second);
	}

}
