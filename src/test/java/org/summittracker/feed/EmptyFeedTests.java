package org.summittracker.feed;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A feed with no entry yet is dated by its subject, never 1970-01-01: the site's by when
 * it began (its newest event's creation).
 */
class EmptyFeedTests {

	@Test
	void anEmptySiteFeedIsUpdatedWhenTheSiteBeganNotIn1970() throws Exception {
		Changes changes = mock(Changes.class);
		Instant began = Instant.parse("2026-11-30T09:15:00Z");
		given(changes.ofSite()).willReturn(List.of());
		given(changes.siteSince()).willReturn(began);
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.atom");

		String xml = new FeedController(changes, messages).site(request).getBody();

		Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
		assertThat(feed.getEntries()).isEmpty();
		assertThat(feed.getUpdated().toInstant()).isEqualTo(began);
	}

}
