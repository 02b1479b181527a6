package org.summittracker.freshness;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a page's change stamp before Spring Security's filters, so that what they read is
 * read after it: the account a signed-in request acts as is then kept by its tables as
 * the page's own reads are ({@link KeptRepositoryReads}), rather than read at every
 * request before the stamp. {@link FreshPagesFilter} takes the stamp read here.
 */
class ChangeStampFirst extends OncePerRequestFilter {

	private final ChangeStamps stamps;

	ChangeStampFirst(ChangeStamps stamps) {
		this.stamps = stamps;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return FreshPagesFilter.leftAlone(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(FreshPagesFilter.STAMP_READ, this.stamps.current());
		chain.doFilter(request, response);
	}

}
