package org.summittracker.shared;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The template engine keeps the expressions of the pages it renders: a few pages have
 * more than Thymeleaf's own cache held (500, first in, first out; the demo's session page
 * alone has more), which made every rendering parse them and compile their SpEL again.
 */
@SummitIntegrationTest
class ExpressionCacheTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixture;

	@Autowired
	SpringTemplateEngine engine;

	@Test
	void theExpressionsOfSeveralPagesAreAllKept() throws Exception {
		String session = this.fixture.session("expression-cache", 3, 3, 3);
		String event = session.substring(0, session.indexOf("/sessions/"));
		for (String page : new String[] { "/", "/events", event, session, "/concerns", "/follow-ups" }) {
			this.mvc.perform(get(page)).andExpect(status().isOk());
		}
		int kept = this.engine.getCacheManager().getExpressionCache().keySet().size();
		assertThat(kept).as("expressions kept after six pages")
			.isGreaterThan(500)
			.isLessThan(RenderingView.EXPRESSION_CACHE_SIZE);
	}

}
