package org.summittracker.people;

/**
 * One row of “who maintains what”: a subsystem with one of its maintainers or reviewers.
 */
public record SubsystemMaintainer(Long subsystemId, String subsystemSlug, String subsystemName, Long personId,
		String handle, String name, String email, Maintainership.Role role) {

	public boolean isMaintainer() {
		return this.role == Maintainership.Role.MAINTAINER;
	}

}
