package org.summittracker.freshness;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.summittracker.account.Role;
import org.summittracker.support.Fixture;
import org.summittracker.support.SignIn;
import org.summittracker.support.SummitIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Conditional GET and the cache of rendered pages: a 304 and a cached page cost no
 * rendering and no statement beyond the stamp; a write changes the ETag and the page; a
 * signed-in reader's page is never another's.
 */
@SummitIntegrationTest
class FreshPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixture scenario;

	@Autowired
	Fixture fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	CacheManager cacheManager;

	@Autowired
	FilterRegistrationBean<FreshPagesFilter> filter;

	String session;

	@BeforeEach
	void session() {
		this.session = this.scenario.session("fresh-" + System.nanoTime(), 3, 3, 3);
	}

	@Test
	void aPageCarriesValidatorsAndA304CostsNoRendering() throws Exception {
		MockHttpServletResponse first = send(get(this.session));
		assertThat(first.getStatus()).isEqualTo(200);
		String etag = first.getHeader(HttpHeaders.ETAG);
		assertThat(etag).startsWith("W/\"");
		assertThat(first.getHeader(HttpHeaders.LAST_MODIFIED)).isNotBlank();
		assertThat(first.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-cache");

		Statistics statistics = statistics();
		MockHttpServletResponse again = send(get(this.session).header(HttpHeaders.IF_NONE_MATCH, etag));
		assertThat(again.getStatus()).isEqualTo(304);
		assertThat(again.getContentAsByteArray()).isEmpty();
		assertThat(again.getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
		assertThat(statistics.getPrepareStatementCount()).as("statements besides the stamp").isZero();

		MockHttpServletResponse since = send(
				get(this.session).header(HttpHeaders.IF_MODIFIED_SINCE, first.getHeader(HttpHeaders.LAST_MODIFIED)));
		assertThat(since.getStatus()).isEqualTo(304);
	}

	@Test
	void anonymousReadersAreServedFromTheCacheUntilAWrite() throws Exception {
		MockHttpServletResponse first = send(get(this.session));
		send(get(this.session));
		Statistics statistics = statistics();
		MockHttpServletResponse cached = send(get(this.session));
		assertThat(statistics.getPrepareStatementCount()).as("statements besides the stamp").isZero();
		assertThat(cached.getContentAsString()).isEqualTo(first.getContentAsString());
		assertThat(cached.getHeader(HttpHeaders.ETAG)).isEqualTo(first.getHeader(HttpHeaders.ETAG));
		assertThat(cached.getContentType()).isEqualTo(first.getContentType());

		this.jdbc.update("update summit_session set title = 'Retitled behind the application''s back' where slug = ?",
				this.session.substring(this.session.lastIndexOf('/') + 1));
		MockHttpServletResponse fresh = send(
				get(this.session).header(HttpHeaders.IF_NONE_MATCH, first.getHeader(HttpHeaders.ETAG)));
		assertThat(fresh.getStatus()).isEqualTo(200);
		assertThat(fresh.getHeader(HttpHeaders.ETAG)).isNotEqualTo(first.getHeader(HttpHeaders.ETAG));
		assertThat(fresh.getContentAsString()).contains("Retitled behind the application&#39;s back");
	}

	@Test
	void anAddressIsKeptOnlyOnceAskedForTwice() throws Exception {
		String asked = "asked=" + System.nanoTime();
		send(get(this.session + "?" + asked));
		assertThat(keptAddresses()).as("kept after one request").noneMatch((key) -> key.contains(asked));
		send(get(this.session + "?" + asked));
		assertThat(keptAddresses()).as("kept after two").anyMatch((key) -> key.contains(asked));
	}

	@Test
	void aBodyIsCopiedToBeKeptOnlyAtAnAddressAskedForBefore() throws Exception {
		String export = this.session + "/minutes.json?copied=" + System.nanoTime();
		long before = this.filter.getFilter().copies();
		String first = send(get(export)).getContentAsString();
		assertThat(this.filter.getFilter().copies()).as("copies after the first request").isEqualTo(before);
		assertThat(send(get(export)).getContentAsString()).isEqualTo(first);
		assertThat(this.filter.getFilter().copies()).as("copies after the second").isEqualTo(before + 1);
		assertThat(send(get(export)).getContentAsString()).as("the kept body").isEqualTo(first);
		assertThat(this.filter.getFilter().copies()).as("copies after the third").isEqualTo(before + 1);
	}

	@Test
	void readersAskingForAnAddressAtOnceShareOneRendering() throws Exception {
		String together = this.session + "?together=" + System.nanoTime();
		int readers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(readers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			long before = this.filter.getFilter().renderings();
			List<Future<String>> pages = new ArrayList<>();
			for (int i = 0; i < readers; i++) {
				pages.add(pool.submit(() -> {
					start.await();
					return send(get(together)).getContentAsString();
				}));
			}
			start.countDown();
			Set<String> distinct = new HashSet<>();
			for (Future<String> page : pages) {
				distinct.add(page.get(60, TimeUnit.SECONDS));
			}
			assertThat(distinct).singleElement().asString().contains("<html");
			// The first, at an address asked for the first time, rendered for itself
			// alone (nothing is copied for an address read once); those who came while it
			// rendered shared one more rendering, kept for any that came after.
			assertThat(this.filter.getFilter().renderings() - before).isBetween(1L, 2L);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void exportsAreCachedWithTheirDownloadNameAndGzippedForThoseWhoAccept() throws Exception {
		MockHttpServletResponse first = send(get(this.session + "/minutes.md"));
		send(get(this.session + "/minutes.md"));
		MockHttpServletResponse cached = send(
				get(this.session + "/minutes.md").header(HttpHeaders.ACCEPT_ENCODING, "gzip, deflate"));
		assertThat(cached.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo(first.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.contains(".md");
		assertThat(cached.getHeader(HttpHeaders.CONTENT_ENCODING)).isEqualTo("gzip");
		assertThat(
				new String(new GZIPInputStream(new ByteArrayInputStream(cached.getContentAsByteArray())).readAllBytes(),
						java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo(first.getContentAsString());
		assertThat(send(
				get(this.session + "/minutes.md").header(HttpHeaders.IF_NONE_MATCH, first.getHeader(HttpHeaders.ETAG)))
			.getStatus()).isEqualTo(304);
	}

	@Test
	void aSignedInReadersPageIsTheirsAlone() throws Exception {
		MockHttpServletResponse anonymous = send(get(this.session));
		String handle = this.fixtures.personWithAccount("fresh", Role.MAINTAINER);
		MockHttpSession signedIn = SignIn.as(this.mvc, handle, Fixture.PASSWORD);
		MockHttpServletResponse mine = send(get(this.session).session(signedIn));
		assertThat(mine.getContentAsString()).contains("Signed in as").contains(handle);
		assertThat(mine.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("private, no-cache");
		assertThat(mine.getHeader(HttpHeaders.LAST_MODIFIED)).isNull();
		assertThat(mine.getHeader(HttpHeaders.ETAG)).isNotEqualTo(anonymous.getHeader(HttpHeaders.ETAG));
		assertThat(
				send(get(this.session).header(HttpHeaders.IF_NONE_MATCH, mine.getHeader(HttpHeaders.ETAG))).getStatus())
			.as("the signed-in ETag does not fit an anonymous reader")
			.isEqualTo(200);
		assertThat(send(
				get(this.session).session(signedIn).header(HttpHeaders.IF_NONE_MATCH, mine.getHeader(HttpHeaders.ETAG)))
			.getStatus()).isEqualTo(304);
		assertThat(send(get(this.session)).getContentAsString()).doesNotContain("Signed in as");
	}

	@Test
	void aOneTimeMessageIsShownOnceAndNeverAnsweredWith304() throws Exception {
		String handle = this.fixtures.personWithAccount("flash", Role.MAINTAINER);
		MockHttpSession signedIn = SignIn.as(this.mvc, handle, Fixture.PASSWORD);
		MockHttpServletResponse saved = send(post(this.session + "/positions").session(signedIn)
			.with(csrf())
			.param("person", handle)
			.param("stance", "SUPPORTS"));
		assertThat(saved.getStatus()).isEqualTo(302);
		MockHttpServletResponse withMessage = send(get(this.session).session(signedIn));
		assertThat(withMessage.getContentAsString()).contains("Your position is saved.");
		assertThat(withMessage.getHeader(HttpHeaders.ETAG)).as("a page with a one-time message has no ETag").isNull();
		MockHttpServletResponse after = send(get(this.session).session(signedIn));
		assertThat(after.getContentAsString()).doesNotContain("Your position is saved.");
		assertThat(after.getHeader(HttpHeaders.ETAG)).isNotNull();
	}

	@Test
	void errorsAndHeadRequestsAreAnsweredAsBefore() throws Exception {
		MockHttpServletResponse missing = send(get(this.session + "-missing"));
		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(missing.getHeader(HttpHeaders.ETAG)).isNull();
		String etag = send(get(this.session)).getHeader(HttpHeaders.ETAG);
		assertThat(send(head(this.session).header(HttpHeaders.IF_NONE_MATCH, etag)).getStatus()).isEqualTo(304);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse();
	}

	@SuppressWarnings("unchecked")
	private Set<String> keptAddresses() {
		Cache pages = this.cacheManager.getCache(FreshnessConfiguration.PAGES);
		return ((com.github.benmanes.caffeine.cache.Cache<Object, Object>) pages.getNativeCache()).asMap()
			.keySet()
			.stream()
			.map(String::valueOf)
			.collect(Collectors.toSet());
	}

	private Statistics statistics() {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		return statistics;
	}

}
