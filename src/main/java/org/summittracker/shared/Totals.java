package org.summittracker.shared;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * For templates, as {@code @totals}: whether a page's total is the number of all its
 * items or the bound its count stopped at ({@link CountedPage}), so that the pager and a
 * list's heading say "or more" where there are more.
 */
@Component("totals")
public class Totals {

	public boolean exact(Page<?> page) {
		return CountedPage.exact(page);
	}

}
