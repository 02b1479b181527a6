package org.summittracker.shared;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A Thymeleaf page rendered against a {@link RenderingRequest}, so that reading and
 * setting template variables costs a map lookup, not a walk through the filter chain's
 * request wrappers. Spring Boot's view resolver makes these views.
 */
public class RenderingView extends ThymeleafView {

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		super.render(model, new RenderingRequest(request), response);
	}

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
					return bean;
				}

			};
		}

	}

}
