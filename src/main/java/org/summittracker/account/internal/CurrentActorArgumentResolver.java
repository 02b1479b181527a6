package org.summittracker.account.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import org.summittracker.account.Actor;
import org.summittracker.account.Actors;
import org.summittracker.account.CurrentActor;

/**
 * Resolves {@code @CurrentActor Actor} (null when anonymous) and
 * {@code @CurrentActor Optional<Actor>}.
 */
@Configuration(proxyBeanMethods = false)
class CurrentActorArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private final Actors actors;

	CurrentActorArgumentResolver(Actors actors) {
		this.actors = actors;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(CurrentActor.class)
				&& (parameter.getParameterType() == Actor.class || parameter.getParameterType() == Optional.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Optional<Actor> actor = this.actors.current();
		return (parameter.getParameterType() == Optional.class) ? actor : actor.orElse(null);
	}

}
