package org.summittracker.system;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * The query function {@code in_ids(column, :ids)}: true when the column's value is one of
 * the ids, passed as one array parameter ({@code column = any(?)}, which uses the
 * column's index). A list in {@code in :ids} instead becomes as many parameters as it has
 * ids, so each length is another statement for Hibernate to translate and PostgreSQL to
 * plan; the array is always the same statement. Write it
 * {@code in_ids(column, :ids) and :ids is not null}: a parameter named only inside a
 * function's arguments may take a list, and Hibernate keeps no query plan for a query
 * with such a parameter (it translated the query again on every execution); named once
 * more outside the function it is a single value, and the plan is kept. Registered in
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
