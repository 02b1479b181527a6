package org.summittracker.freshness;

import java.time.Clock;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import org.summittracker.shared.KeptByTables;

/**
 * Puts {@link FreshPagesFilter} right after Spring Security's filters (so it knows who is
 * signed in, and 304s and cached pages still carry the security headers), with the page
 * cache it fills; the change stamp it works at is read right before them
 * ({@link ChangeStampFirst}).
 */
@Configuration(proxyBeanMethods = false)
class FreshnessConfiguration {

	static final String PAGES = "pages";

	/** Pages kept by the model they were rendered from ({@link RenderingsByModel}). */
	static final String RENDERINGS = "renderings";

	/**
	 * Rows kept by the stamps of the tables they were read from ({@link ReadsByTables}).
	 */
	static final String READS = "reads";

	@Bean
	CacheManager pageCacheManager(@Value("${summit.pages.cache.size:32MB}") DataSize size,
			@Value("${summit.pages.renderings.size:8MB}") DataSize renderingsSize,
			@Value("${summit.reads.kept.size:32MB}") DataSize readsSize) {
		CaffeineCacheManager manager = new CaffeineCacheManager();
		manager.setCaffeine(Caffeine.newBuilder()
			.maximumWeight(size.toBytes())
			.weigher((Object key, Object value) -> (value instanceof FreshPagesFilter.KeptPage kept)
					? kept.page().weight() : 1024));
		manager.setCacheNames(List.of(PAGES));
		manager.setAllowNullValues(false);
		manager.registerCustomCache(RENDERINGS,
				Caffeine.newBuilder()
					.maximumWeight(renderingsSize.toBytes())
					.weigher((Object key, Object value) -> (value instanceof RenderingsByModel.Kept kept)
							? 256 + kept.rendering().text().length() : 1024)
					.build());
		manager.registerCustomCache(READS,
				Caffeine.newBuilder()
					.maximumWeight(readsSize.toBytes())
					.weigher((Object key, Object value) -> (value instanceof ReadsByTables.KeptRows rows)
							? rows.weight() : (value instanceof ReadsByTables.KeptRead read) ? read.weight() : 1024)
					.build());
		return manager;
	}

	@Bean
	ReadsByTables readsByTables(CacheManager pageCacheManager, TableStamps tableStamps, ChangeStamps stamps,
			ReadRecorder recorder, ObjectProvider<EntityManagerFactory> entityManagers, KeptValues keptValues,
			@Value("${summit.reads.kept.enabled:true}") boolean keeping) {
		return new ReadsByTables(pageCacheManager.getCache(READS), tableStamps, stamps, recorder, entityManagers,
				keptValues, keeping);
	}

	@Bean
	static KeptRepositoryReads keptRepositoryReads(ObjectProvider<ReadsByTables> reads,
			ObjectProvider<PlatformTransactionManager> transactions) {
		return new KeptRepositoryReads(reads, transactions);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor keptByTablesAdvisor(KeptRepositoryReads keptRepositoryReads) {
		return new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(KeptByTables.class),
				keptRepositoryReads.annotated());
	}

	@Bean
	KeptValues keptValues() {
		return new KeptValues();
	}

	@Bean
	RenderingsByModel renderingsByModel(CacheManager pageCacheManager, Clock clock, KeptValues keptValues,
			@Value("${summit.pages.cache.enabled:true}") boolean caching) {
		return new RenderingsByModel(pageCacheManager.getCache(RENDERINGS), clock, keptValues, caching);
	}

	@Bean
	FilterRegistrationBean<FreshPagesFilter> freshPagesFilter(ChangeStamps stamps, CacheManager pageCacheManager,
			Clock clock, @Value("${summit.pages.conditional:true}") boolean conditional,
			@Value("${summit.pages.cache.enabled:true}") boolean caching,
			@Value("${summit.pages.cache.largest:8MB}") DataSize largest) {
		FilterRegistrationBean<FreshPagesFilter> registration = new FilterRegistrationBean<>(new FreshPagesFilter(
				stamps, pageCacheManager.getCache(PAGES), clock, caching, (int) largest.toBytes()));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.setEnabled(conditional);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ChangeStampFirst> changeStampFirst(ChangeStamps stamps,
			@Value("${summit.pages.conditional:true}") boolean conditional) {
		FilterRegistrationBean<ChangeStampFirst> registration = new FilterRegistrationBean<>(
				new ChangeStampFirst(stamps));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		registration.setEnabled(conditional);
		return registration;
	}

}
