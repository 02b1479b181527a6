package org.summittracker.shared;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.cache.StandardCacheManager;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A Thymeleaf page rendered against a {@link RenderingRequest}, so that reading and
 * setting template variables costs a map lookup, not a walk through the filter chain's
 * request wrappers. Spring Boot's view resolver makes these views.
 * <p>
 * The template engine keeps every parsed expression of the templates: Thymeleaf's own
 * cache holds 500 (first in, first out), fewer than a session page alone evaluates (each
 * attribute is an expression, and its SpEL another entry), so every rendering parsed its
 * expressions again and compiled their SpEL to new classes again.
 */
public class RenderingView extends ThymeleafView {

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		super.render(model, new RenderingRequest(request), response);
	}

	/**
	 * More than all the templates' expressions (about 3,000 attributes, an entry for each
	 * and one for each SpEL expression in them): the entries come from the templates'
	 * text, so the cache stays as small as they make it.
	 */
	static final int EXPRESSION_CACHE_SIZE = 20_000;

	@Configuration(proxyBeanMethods = false)
	static class RenderingViewConfiguration {

		@Bean
		static BeanPostProcessor renderingViews() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
					if (bean instanceof ThymeleafViewResolver resolver) {
						resolver.setViewClass(RenderingView.class);
					}
					if (bean instanceof SpringTemplateEngine engine) {
						StandardCacheManager caches = new StandardCacheManager();
						caches.setExpressionCacheMaxSize(EXPRESSION_CACHE_SIZE);
						engine.setCacheManager(caches);
					}
					return bean;
				}

			};
		}

	}

}
