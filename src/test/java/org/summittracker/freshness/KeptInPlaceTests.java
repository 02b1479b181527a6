package org.summittracker.freshness;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import org.summittracker.support.Fixture;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What is kept for readers replaces, in place, what was kept for the same address, part
 * or query before a write: a page, a part or rows read before the write would never be
 * sent again, and left in the caches until their weight pushed them out they lived long
 * enough to fill the heap's old generation when the data was written often (the written
 * benchmark's full collections stopped every request for 190 to 250 ms).
 */
@SummitIntegrationTest
class KeptInPlaceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CacheManager caches;

	String session;

	@BeforeEach
	void session() {
		this.session = this.fixtures.session("in-place-" + System.nanoTime(), 3, 3, 3);
	}

	@Test
	void afterWritesToAPagesOwnDataEachCacheHoldsWhatItHeldBeforeNotMore() throws Exception {
		readTwice();
		List<Object> pages = keys(FreshnessConfiguration.PAGES, this.session);
		int renderings = keys(FreshnessConfiguration.RENDERINGS, "").size();
		int reads = keys(FreshnessConfiguration.READS, "").size();
		assertThat(pages).as("the page, kept once asked for twice").hasSize(1);
		assertThat(renderings).as("the page and its parts").isGreaterThan(KeptPartsTests.SESSION_PARTS);
		for (int write = 2; write <= 4; write++) {
			noteBody("Noted in place " + write);
			assertThat(readTwice()).contains("Noted in place " + write);
		}
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(keys(FreshnessConfiguration.PAGES, this.session))
				.as("pages kept for the address")
				.hasSameSizeAs(pages);
			softly.assertThat(keys(FreshnessConfiguration.RENDERINGS, ""))
				.as("renderings kept")
				.hasSizeLessThanOrEqualTo(renderings);
			softly.assertThat(keys(FreshnessConfiguration.READS, "")).as("reads kept").hasSizeLessThanOrEqualTo(reads);
		});
	}

	@Test
	void anAddressAskedForBeforeAWriteIsKeptAtItsFirstRequestAfter() throws Exception {
		readTwice();
		noteBody("Noted once");
		assertThat(page(this.session)).contains("Noted once");
		FreshPagesFilter.KeptPage kept = this.caches.getCache(FreshnessConfiguration.PAGES)
			.get(this.session, FreshPagesFilter.KeptPage.class);
		assertThat(kept).isNotNull();
		assertThat(kept.stamp()).as("kept at the stamp after the write")
			.isEqualTo(this.jdbc.queryForObject("select stamp from change_stamp", Long.class));
	}

	@Test
	void aPageRenderedTheSameAfterAWriteElsewhereGoesOnAsKeptWithItsGzippedBody() throws Exception {
		String export = this.session + "/minutes.json";
		gzipped(export);
		gzipped(export);
		RenderedPage before = kept(export).page();
		byte[] gzipped = before.gzippedBody();
		this.fixtures.session("in-place-elsewhere-" + System.nanoTime(), 1, 1, 1);
		assertThat(gzipped(export)).as("the request that rendered it again is sent what was kept, gzipped")
			.isEqualTo(gzipped);
		FreshPagesFilter.KeptPage after = kept(export);
		assertThat(after.stamp()).as("kept at the stamp after the write")
			.isEqualTo(this.jdbc.queryForObject("select stamp from change_stamp", Long.class));
		assertThat(after.page()).as("the page kept before").isSameAs(before);
		assertThat(after.page().gzippedBody()).as("not compressed again").isSameAs(gzipped);

		noteBody("Noted after the export was kept");
		byte[] changed = gzipped(export);
		assertThat(changed).isNotEqualTo(gzipped);
		assertThat(kept(export).page()).as("a page whose data changed").isNotSameAs(before);
		assertThat(changed).as("compressed once, as kept, for the request that rendered it too")
			.isEqualTo(kept(export).page().gzippedBody());
	}

	private byte[] gzipped(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).header("Accept-Encoding", "gzip"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsByteArray();
	}

	private FreshPagesFilter.KeptPage kept(String address) {
		FreshPagesFilter.KeptPage kept = this.caches.getCache(FreshnessConfiguration.PAGES)
			.get(address, FreshPagesFilter.KeptPage.class);
		assertThat(kept).as("kept for " + address).isNotNull();
		return kept;
	}

	private String readTwice() throws Exception {
		page(this.session);
		return page(this.session);
	}

	/** The keys of a cache whose text holds this, once the cache has done its upkeep. */
	@SuppressWarnings("unchecked")
	private List<Object> keys(String cache, String holding) {
		com.github.benmanes.caffeine.cache.Cache<Object, Object> kept = (com.github.benmanes.caffeine.cache.Cache<Object, Object>) this.caches
			.getCache(cache)
			.getNativeCache();
		kept.cleanUp();
		return kept.asMap().keySet().stream().filter((key) -> String.valueOf(key).contains(holding)).toList();
	}

	private void noteBody(String body) {
		String slug = this.session.substring(this.session.lastIndexOf('/') + 1);
		this.jdbc.update("""
				update discussion_note set body = ? where id = (select min(n.id) from discussion_note n
				join summit_session s on s.id = n.session_id where s.slug = ?)""", body, slug);
	}

	private String page(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

}
