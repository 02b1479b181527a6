package org.summittracker.system;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * The query function {@code in_ids(column, :ids)}: true when the column's value is one of
 * the ids, passed as one array parameter ({@code column = any(?)}, which uses the
 * column's index). A list in {@code in :ids} instead becomes as many parameters as it has
 * ids, so each length is another statement for Hibernate to translate and PostgreSQL to
 * plan; the array is always the same statement. Registered in
 * {@code META-INF/services/org.hibernate.boot.model.FunctionContributor}.
 */
public class IdArrayFunction implements FunctionContributor {

	@Override
	public void contributeFunctions(FunctionContributions functions) {
		functions.getFunctionRegistry()
			.patternDescriptorBuilder("in_ids", "(?1 = any(?2))")
			.setInvariantType(
					functions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN))
			.setExactArgumentCount(2)
			.register();
	}

}
