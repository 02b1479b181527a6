package org.summittracker.people;

/**
 * A subsystem as its page shows it: values read from the entity, so that a page rendered
 * from them can be kept by them.
 */
public record SubsystemView(Long id, String slug, String name, Subsystem.Status status, String mailingList) {

	public static SubsystemView of(Subsystem subsystem) {
		return new SubsystemView(subsystem.getId(), subsystem.getSlug(), subsystem.getName(), subsystem.getStatus(),
				subsystem.getMailingList());
	}

}
