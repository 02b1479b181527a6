package org.summittracker.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import org.summittracker.shared.CoreTurns;

/**
 * Handles each request in a turn ({@link CoreTurns}): at most as many at once as there
 * are turns, the others waiting in arrival order. Stylesheets, scripts and icons take no
 * turn: they are read from memory, and the pages that wait must still look right.
 */
class RequestsInTurn extends OncePerRequestFilter {

	private final CoreTurns turns;

	RequestsInTurn(CoreTurns turns) {
		this.turns = turns;
	}

	CoreTurns turns() {
		return this.turns;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return StaticFilesWithoutSession.isStaticFile(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.turns.inTurn(() -> chain.doFilter(request, response));
		}
		catch (IOException | ServletException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException(ex);
		}
	}

}
